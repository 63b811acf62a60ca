import { Validator } from "@seriousme/openapi-schema-validator";
import { describe, expect, it } from "vitest";
import { ENDPOINTS, openApiDocument } from "../../core/api/openapi.ts";

describe("GET /api/openapi.json", () => {
  it("is a valid OpenAPI 3.1 document listing every endpoint", async () => {
    const doc = openApiDocument() as { openapi: string; paths: Record<string, unknown> };
    const validator = new Validator();
    const result = await validator.validate(doc as Parameters<Validator["validate"]>[0]);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(validator.version).toBe("3.1");
    expect(Object.keys(doc.paths).sort()).toEqual(ENDPOINTS.map((e) => e.path).sort());
    for (const p of ["/api/search", "/api/kwic", "/api/keyness", "/api/phrasing", "/api/similar"]) expect(doc.paths).toHaveProperty([p]);
  });
});
