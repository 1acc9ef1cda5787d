import { request } from "node:http";
import { describe, expect, it } from "vitest";
import { createTarget, startServer, targetNames } from "./support.js";

/** A POST whose body arrives in two halves, so the request is still running when we choose. */
function slowRequest(baseUrl: string) {
  const body = JSON.stringify({ username: "admin.metro", password: "bukan-kata-sandi-yang-benar" });
  const half = Math.floor(body.length / 2);
  const req = request(`${baseUrl}/api/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json", "content-length": Buffer.byteLength(body) },
  });
  const answer = new Promise<{ status: number; body: string }>((done, fail) => {
    req.on("response", (res) => {
      let text = "";
      res.on("data", (d) => {
        text += d;
      });
      res.on("end", () => done({ status: res.statusCode ?? 0, body: text }));
    });
    req.on("error", fail);
  });
  req.write(body.slice(0, half));
  return { answer, finish: () => req.end(body.slice(half)), abandon: () => req.destroy() };
}

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * SIGTERM while a request is running: the server stops taking new connections, answers the running
 * request, closes the database and exits 0; the next start opens the same data (the lock is released).
 */
describe.each(targetNames())("graceful shutdown on %s", (name) => {
  it("finishes a running request, then exits 0 and starts again on the same data", {
    timeout: 120_000,
  }, async () => {
    const target = await createTarget(name);
    try {
      const server = await startServer(target.env);
      const exited = new Promise<number | null>((done) => server.process.on("exit", (code) => done(code)));
      const running = slowRequest(server.baseUrl);
      await pause(500);
      server.process.kill("SIGTERM");
      await pause(700);
      const late = await fetch(`${server.baseUrl}/api/health`).then(
        (r) => r.status,
        () => "refused",
      );
      expect(late).toBe("refused");
      expect(server.process.exitCode).toBeNull();
      running.finish();
      const answer = await running.answer;
      // A complete answer of the login route (wrong CSRF/password), not a cut connection or a 503.
      expect(answer.status).toBeGreaterThanOrEqual(400);
      expect(answer.status).toBeLessThan(500);
      expect(JSON.parse(answer.body).error.messageEn).toEqual(expect.any(String));
      expect(await exited).toBe(0);
      const again = await startServer(target.env);
      expect(await again.stop()).toBe(0);
    } finally {
      await target.dispose();
    }
  });

  it("does not wait longer than SHUTDOWN_TIMEOUT_MS for a request that never ends", {
    timeout: 120_000,
  }, async () => {
    const target = await createTarget(name);
    try {
      const server = await startServer({ ...target.env, SHUTDOWN_TIMEOUT_MS: "1000" });
      const stuck = slowRequest(server.baseUrl);
      stuck.answer.catch(() => {});
      await pause(500);
      const started = Date.now();
      const code = await server.stop();
      stuck.abandon();
      expect(code).toBe(0);
      expect(Date.now() - started).toBeLessThan(30_000);
      expect(server.output()).toContain("cutting the requests still running");
    } finally {
      await target.dispose();
    }
  });
});
