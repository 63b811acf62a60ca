// OpenAPI 3.1 generated from the endpoint table (endpoints.ts) and the zod schemas the server
// validates with: every parameter carries its schema's description.
import { z } from "zod";
import * as S from "./schema.ts";
import { ENDPOINTS, type Endpoint } from "./endpoints.ts";

export { ENDPOINTS };

const jsonSchema = (schema: z.ZodType, io: "input" | "output") => z.toJSONSchema(schema, { io, unrepresentable: "any", target: "draft-2020-12" }) as Record<string, unknown>;

/** Path, then query parameters; each with its schema's description lifted to the parameter. */
function parameters(e: Endpoint): object[] {
  const params: object[] = [];
  for (const [where, obj] of [["path", e.params], ["query", e.query]] as const) {
    if (!obj) continue;
    const schema = jsonSchema(obj, "input") as { properties?: Record<string, Record<string, unknown>>; required?: string[] };
    for (const [name, prop] of Object.entries(schema.properties ?? {})) {
      delete prop.$schema;
      const { description, ...rest } = prop;
      params.push({
        name,
        in: where,
        description,
        required: where === "path" || (schema.required?.includes(name) ?? false),
        schema: rest,
        ...(prop.type === "array" ? { style: "form", explode: true } : {}),
      });
    }
  }
  return params;
}

export function openApiDocument(): object {
  const error = { description: "Error", content: { "application/json": { schema: strip(jsonSchema(S.ErrorSchema, "output")) } } };
  const paths: Record<string, object> = {};
  for (const e of ENDPOINTS) {
    const content: Record<string, object> = { "application/json": { schema: strip(jsonSchema(e.response, "output")) } };
    if (e.csv) content["text/csv"] = { schema: { type: "string" }, example: e.csv.columns.map((c) => c.header).join(",") };
    const method = (e.method ?? "GET").toLowerCase();
    const status = String(e.status ?? 200);
    const requestBody =
      e.body === "raw"
        ? { required: true, content: { "application/octet-stream": { schema: { type: "string", format: "binary" } } } }
        : e.body
          ? { required: true, content: { "application/json": { schema: strip(jsonSchema(e.body, "input")) } } }
          : undefined;
    paths[e.path] = {
      ...(paths[e.path] ?? {}),
      [method]: {
        summary: e.summary,
        description: e.description,
        parameters: parameters(e),
        ...(requestBody ? { requestBody } : {}),
        ...(e.admin ? { security: [{ adminToken: [] }] } : {}),
        responses: {
          [status]: { description: "OK", content },
          "400": error,
          ...(e.admin ? { "403": error } : {}),
          ...(e.params ? { "404": error } : {}),
          ...(e.method === "POST" ? { "409": error } : {}),
          "503": error,
        },
      },
    };
  }
  return {
    openapi: "3.1.0",
    info: { title: "Wenyuan 文渊 API", version: "1.0.0", description: "Search and corpus analytics over Chinese work reports. Reading is GET; repeat a parameter for OR (sector=hospital&sector=school). Corpus management (uploads, jobs, metadata corrections) writes with PUT/POST and the admin token." },
    servers: [{ url: "/" }],
    components: { securitySchemes: { adminToken: { type: "http", scheme: "bearer", description: "WENYUAN_ADMIN_TOKEN; without one set, writes are allowed from the server's own machine only" } } },
    paths,
  };
}

function strip(schema: Record<string, unknown>): Record<string, unknown> {
  delete schema.$schema;
  return schema;
}
