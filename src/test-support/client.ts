import type { InjectOptions, LightMyRequestResponse } from "fastify";
import { DEMO_PASSWORD } from "../demo/users.js";
import type { App } from "../server/app.js";

type Method = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

/** A browser-like API client over `app.inject`: keeps cookies and sends the CSRF token on writes. */
export class TestClient {
  private cookies = new Map<string, string>();
  csrfToken: string | null = null;

  constructor(private readonly app: App) {}

  async request(method: Method, url: string, body?: unknown, headers: Record<string, string> = {}) {
    const options: InjectOptions = {
      method,
      url,
      headers: {
        ...(this.cookies.size ? { cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ") } : {}),
        ...(method !== "GET" && this.csrfToken ? { "x-csrf-token": this.csrfToken } : {}),
        ...headers,
      },
      ...(body === undefined ? {} : { payload: body as InjectOptions["payload"] }),
    };
    const response = await this.app.inject(options);
    this.keepCookies(response);
    return response;
  }

  get = (url: string) => this.request("GET", url);
  post = (url: string, body?: unknown) => this.request("POST", url, body ?? {});

  async fetchCsrf(): Promise<string> {
    const res = await this.get("/api/auth/csrf");
    this.csrfToken = res.json().csrfToken;
    return this.csrfToken as string;
  }

  /** Logs in (demo password by default); throws with the server's answer when refused. */
  async login(username: string, password = DEMO_PASSWORD): Promise<LightMyRequestResponse> {
    await this.fetchCsrf();
    const res = await this.post("/api/auth/login", { username, password });
    if (res.statusCode === 200) this.csrfToken = res.json().csrfToken;
    return res;
  }

  static async loggedIn(app: App, username: string): Promise<TestClient> {
    const client = new TestClient(app);
    const res = await client.login(username);
    if (res.statusCode !== 200) throw new Error(`login of ${username} failed: ${res.body}`);
    return client;
  }

  private keepCookies(response: LightMyRequestResponse) {
    for (const c of response.cookies as Array<{
      name: string;
      value: string;
      maxAge?: number;
      expires?: Date;
    }>) {
      const expired = c.maxAge === 0 || (c.expires && c.expires.getTime() < Date.now()) || c.value === "";
      if (expired) this.cookies.delete(c.name);
      else this.cookies.set(c.name, c.value);
    }
  }
}
