import http from "node:http";
import type { AddressInfo } from "node:net";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../db/client.js";
import { auditLog } from "../db/schema/index.js";
import { loadDemo } from "../demo/load-demo.js";
import { DEMO_PASSWORD } from "../demo/users.js";
import { testDatabases } from "../test-support/databases.js";
import { type App, buildApp } from "./app.js";

/**
 * An office behind one reverse proxy: every browser reaches the server from the proxy's address. The
 * proxy here terminates "TLS" (it says X-Forwarded-Proto: https) and names each client, which connects
 * from its own loopback address (127.0.0.2, 127.0.0.3, …).
 */
function startProxy(target: number): Promise<http.Server> {
  const proxy = http.createServer((req, res) => {
    const upstream = http.request(
      {
        host: "127.0.0.1",
        port: target,
        method: req.method,
        path: req.url,
        headers: {
          ...req.headers,
          "x-forwarded-for": req.socket.remoteAddress ?? "",
          "x-forwarded-proto": "https",
        },
      },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on("error", () => res.writeHead(502).end());
    req.pipe(upstream);
  });
  return new Promise((done) => proxy.listen(0, "127.0.0.1", () => done(proxy)));
}

/** A browser at one address: keeps its cookies and sends the CSRF token on writes. */
class Browser {
  private cookies = new Map<string, string>();
  private csrf = "";
  lastSetCookie: string[] = [];
  constructor(
    private readonly port: number,
    private readonly address: string,
  ) {}

  request(method: string, path: string, body?: unknown): Promise<{ status: number; json: unknown }> {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    return new Promise((done, fail) => {
      const req = http.request(
        {
          host: "127.0.0.1",
          port: this.port,
          localAddress: this.address,
          method,
          path,
          headers: {
            cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; "),
            ...(method === "GET" ? {} : { "x-csrf-token": this.csrf }),
            ...(payload ? { "content-type": "application/json" } : {}),
          },
        },
        (res) => {
          this.lastSetCookie = res.headers["set-cookie"] ?? [];
          for (const c of this.lastSetCookie) {
            const [pair = ""] = c.split(";");
            const [name = "", value = ""] = pair.split("=");
            this.cookies.set(name, value);
          }
          let text = "";
          res.on("data", (d) => {
            text += d;
          });
          res.on("end", () => done({ status: res.statusCode ?? 0, json: text ? JSON.parse(text) : null }));
        },
      );
      req.on("error", fail);
      req.end(payload);
    });
  }

  async login(username: string, password = DEMO_PASSWORD): Promise<number> {
    this.csrf = ((await this.request("GET", "/api/auth/csrf")).json as { csrfToken: string }).csrfToken;
    const res = await this.request("POST", "/api/auth/login", { username, password });
    if (res.status === 200) this.csrf = (res.json as { csrfToken: string }).csrfToken;
    return res.status;
  }
}

describe.each(testDatabases())("behind a reverse proxy on $name", (target) => {
  let database: DatabaseHandle;
  let app: App;
  let proxy: http.Server;
  let port: number;
  const requestsPerMinute = 30;
  const loginAttemptsPerMinute = 4;

  beforeAll(async () => {
    database = await target.open();
    await loadDemo(database.db);
    app = await buildApp({
      database,
      webRoot: "/nonexistent",
      trustProxy: "127.0.0.1",
      requestsPerMinute,
      auth: {
        secret: "test-secret",
        sessions: { idleMinutes: 60, maxHours: 8 },
        secureCookies: "auto",
        loginAttemptsPerMinute,
      },
    });
    await app.listen({ port: 0, host: "127.0.0.1" });
    proxy = await startProxy((app.server.address() as AddressInfo).port);
    port = (proxy.address() as AddressInfo).port;
  });
  afterAll(async () => {
    await new Promise((done) => proxy.close(done));
    await app.close();
    await database.close();
  });

  it("locks out only the address that keeps guessing passwords, not the rest of the office", async () => {
    const guesser = new Browser(port, "127.0.0.2");
    const statuses = [];
    for (let i = 0; i <= loginAttemptsPerMinute; i++)
      statuses.push(await guesser.login("kadis.metro", "salah"));
    expect(statuses.at(-1)).toBe(429);
    expect(await new Browser(port, "127.0.0.3").login("admin.metro")).toBe(200);
  });

  it("records the client's own address in the audit, not the proxy's", async () => {
    const [failed] = await database.db
      .select({ clientAddress: auditLog.clientAddress })
      .from(auditLog)
      .where(eq(auditLog.action, "auth.login_failed"));
    expect(failed?.clientAddress).toBe("127.0.0.2");
    const [login] = await database.db
      .select({ clientAddress: auditLog.clientAddress })
      .from(auditLog)
      .where(eq(auditLog.action, "auth.login"));
    expect(login?.clientAddress).toBe("127.0.0.3");
  });

  it("sends the session cookie as Secure because the proxy received HTTPS", async () => {
    const browser = new Browser(port, "127.0.0.4");
    expect(await browser.login("kadis.metro")).toBe(200);
    expect(browser.lastSetCookie.join("\n")).toMatch(/capaian_session=[^;]+;.*Secure/);
  });

  it("counts requests per logged-in user: one user at its limit leaves a colleague at the same address alone", async () => {
    const busy = new Browser(port, "127.0.0.5");
    const colleague = new Browser(port, "127.0.0.5");
    expect(await busy.login("admin.metro")).toBe(200);
    expect(await colleague.login("kadis.metro")).toBe(200);
    let status = 0;
    for (let i = 0; i < requestsPerMinute + 1 && status !== 429; i++)
      status = (await busy.request("GET", "/api/auth/me")).status;
    expect(status).toBe(429);
    expect((await colleague.request("GET", "/api/auth/me")).status).toBe(200);
  });
});
