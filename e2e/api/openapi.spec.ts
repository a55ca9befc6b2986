import { responseSchema, validate } from "../../lib/openapi/validate";
import { expect, test } from "../support/fixtures";

type Doc = Parameters<typeof responseSchema>[0] & { openapi: string; paths: Record<string, Record<string, { "x-permission": string }>> };

test.describe("GET /api/v1/openapi.json", () => {
  test("serves the OpenAPI 3.1 document without credentials, and live answers conform to it", async ({ request, adminAuth }) => {
    const res = await request.get("/api/v1/openapi.json");
    expect(res.status()).toBe(200);
    const doc = (await res.json()) as Doc;
    expect(doc.openapi).toBe("3.1.0");
    expect(doc.paths["/users/{id}/tokens"].post["x-permission"]).toBe("users.manage_tokens");

    for (const [path, status] of [
      ["/users", 200],
      ["/me/tokens", 200],
      ["/groups", 200],
      ["/roles", 200],
      ["/settings", 200],
    ] as const) {
      const answer = await request.get(`/api/v1${path}`, { headers: adminAuth });
      expect(answer.status(), path).toBe(status);
      const documented = responseSchema(doc, path, "get", status)!;
      expect(validate(doc, documented.schema!, await answer.json()), path).toEqual([]);
    }
    const refused = await request.get("/api/v1/users");
    expect(validate(doc, responseSchema(doc, "/users", "get", 401)!.schema!, await refused.json())).toEqual([]);
  });
});

test.describe("/api/docs", () => {
  test("renders the reference offline and lets a caller try an operation with a token", async ({ page, adminAuth, baseURL }) => {
    const requested: string[] = [];
    page.on("request", (r) => requested.push(r.url()));
    await page.goto("/api/docs");
    await expect(page.getByRole("heading", { level: 1, name: /Gatehouse API/ })).toBeVisible();
    await page.getByLabel("Bearer token").fill(adminAuth.Authorization.replace("Bearer ", ""));
    const operation = page.locator("#getUsers");
    await operation.locator("summary").click();
    await expect(operation.getByText("users.view", { exact: true })).toBeVisible();
    await operation.getByRole("button", { name: "Send GET" }).click();
    await expect(operation.getByText("Status 200")).toBeVisible();
    await expect(operation.getByText('"total"')).toBeVisible();
    // Nothing from a CDN: every request went to the app itself.
    expect(requested.filter((url) => !url.startsWith(baseURL!) && !url.startsWith("data:"))).toEqual([]);
  });
});
