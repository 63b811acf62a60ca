import { Validator } from "@seriousme/openapi-schema-validator";
import { describe, expect, it } from "vitest";
import { ENDPOINTS, openApiDocument } from "../../core/api/openapi.ts";

type Param = { name: string; in: string; description?: unknown; schema?: Record<string, unknown> };
type Operation = { parameters: Param[]; description?: string };
type Doc = { openapi: string; paths: Record<string, { get: Operation } & Record<string, Operation>> };

describe("GET /api/openapi.json", () => {
  it("is a valid OpenAPI 3.1 document listing every endpoint", async () => {
    const doc = openApiDocument() as Doc;
    const validator = new Validator();
    const result = await validator.validate(doc as unknown as Parameters<Validator["validate"]>[0]);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(validator.version).toBe("3.1");
    // a path may hold several methods (GET and POST /api/subcorpora, /api/queries): each entry is one operation
    expect(Object.keys(doc.paths).sort()).toEqual([...new Set(ENDPOINTS.map((e) => e.path))].sort());
    expect(Object.values(doc.paths).reduce((n, methods) => n + Object.keys(methods).length, 0)).toBe(ENDPOINTS.length);
    for (const e of ENDPOINTS) expect(doc.paths[e.path], `${e.method ?? "GET"} ${e.path}`).toHaveProperty([(e.method ?? "GET").toLowerCase()]);
    for (const p of ["/api/search", "/api/kwic", "/api/keyness", "/api/phrasing", "/api/similar"]) expect(doc.paths).toHaveProperty([p]);
  });

  it("describes every parameter of every endpoint (through the single()/repeated() wrappers)", () => {
    const doc = openApiDocument() as Doc;
    let checked = 0;
    for (const [path, methods] of Object.entries(doc.paths))
      for (const [method, get] of Object.entries(methods)) {
        // GET for reading; PUT, POST and DELETE for corpus management, subcorpora and saved queries
        expect(get.description, path).toMatch(/\S/);
        // Every query key of the table's schema is a parameter: none lost on the way.
        const e = ENDPOINTS.find((x) => x.path === path && (x.method ?? "GET").toLowerCase() === method)!;
        const expected = [...Object.keys(e.params?.shape ?? {}), ...Object.keys(e.query?.shape ?? {})].sort();
        expect(get.parameters.map((p) => p.name).sort(), `${method} ${path}`).toEqual(expected);
        for (const p of get.parameters) {
          expect(typeof p.description === "string" && p.description.trim().length > 0, `${method} ${path} ${p.in} parameter ${p.name} has no description`).toBe(true);
          checked++;
        }
      }
    // search alone has 13 parameters; a table that lost its schemas would check far fewer
    expect(checked).toBeGreaterThan(150);
  });

  it("says units and defaults where a number or a mode is chosen", () => {
    const doc = openApiDocument() as Doc;
    const describe = (path: string, name: string) => String(doc.paths[path].get.parameters.find((p) => p.name === name)?.description);
    expect(describe("/api/collocates", "window")).toMatch(/words each side.*Default 5/);
    expect(describe("/api/kwic", "width")).toMatch(/Characters of context each side.*Default 20/);
    expect(describe("/api/keyness", "min")).toMatch(/Minimum frequency/);
    expect(describe("/api/keyness", "a.sector")).toMatch(/^Subcorpus a: /);
    expect(describe("/api/search", "match")).toMatch(/word = .*substring = /);
    expect(describe("/api/themes", "by")).toMatch(/per 10k characters/);
  });
});
