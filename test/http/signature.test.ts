import { beforeAll, describe, expect, it } from "vitest";
import {
  createSigner,
  type InteractionSigner,
  nowSeconds,
  sendToBot,
  signedRequest,
} from "../helpers/signed-request.ts";

const PING = JSON.stringify({ id: "1", application_id: "2", type: 1, token: "t", version: 1 });

describe("POST /interactions signature checks", () => {
  let signer: InteractionSigner;
  let stranger: InteractionSigner;
  beforeAll(async () => {
    signer = await createSigner();
    stranger = await createSigner();
  });

  it("answers a correctly signed PING with PONG", async () => {
    const res = await sendToBot(await signedRequest(signer, PING), signer);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ type: 1 });
  });

  it("rejects a signature made with another key", async () => {
    const res = await sendToBot(await signedRequest(stranger, PING), signer);
    expect(res.status).toBe(401);
    expect(await res.text()).toBe("");
  });

  it("rejects a tampered body", async () => {
    const good = await signedRequest(signer, PING);
    const tampered = new Request(good.url, {
      method: "POST",
      headers: good.headers,
      body: PING.replace('"type":1', '"type":2'),
    });
    expect((await sendToBot(tampered, signer)).status).toBe(401);
  });

  it("rejects re-serialized JSON (the signature covers the raw text)", async () => {
    const good = await signedRequest(signer, PING);
    const reformatted = JSON.stringify(JSON.parse(PING), null, 2);
    const res = await sendToBot(
      new Request(good.url, { method: "POST", headers: good.headers, body: reformatted }),
      signer,
    );
    expect(res.status).toBe(401);
  });

  it("rejects a tampered timestamp", async () => {
    const good = await signedRequest(signer, PING);
    const headers = new Headers(good.headers);
    headers.set("x-signature-timestamp", String(Number(nowSeconds()) - 1));
    const res = await sendToBot(
      new Request(good.url, { method: "POST", headers, body: PING }),
      signer,
    );
    expect(res.status).toBe(401);
  });

  it("rejects a stale timestamp even when the signature is valid (replay window)", async () => {
    const stale = String(Number(nowSeconds()) - 301);
    const res = await sendToBot(await signedRequest(signer, PING, { timestamp: stale }), signer);
    expect(res.status).toBe(401);
  });

  it("rejects a timestamp from the future beyond the window", async () => {
    const future = String(Number(nowSeconds()) + 301);
    const res = await sendToBot(await signedRequest(signer, PING, { timestamp: future }), signer);
    expect(res.status).toBe(401);
  });

  it("rejects missing signature headers", async () => {
    for (const missing of ["x-signature-ed25519", "x-signature-timestamp"]) {
      const good = await signedRequest(signer, PING);
      const headers = new Headers(good.headers);
      headers.delete(missing);
      const res = await sendToBot(
        new Request(good.url, { method: "POST", headers, body: PING }),
        signer,
      );
      expect(res.status, missing).toBe(401);
    }
  });

  it("rejects a signature that is not hex", async () => {
    const good = await signedRequest(signer, PING);
    const headers = new Headers(good.headers);
    headers.set("x-signature-ed25519", "zz".repeat(64));
    const res = await sendToBot(
      new Request(good.url, { method: "POST", headers, body: PING }),
      signer,
    );
    expect(res.status).toBe(401);
  });

  it("answers 413 to a body over 1 MB without verifying it", async () => {
    const huge = JSON.stringify({ type: 1, padding: "x".repeat(1024 * 1024) });
    const res = await sendToBot(await signedRequest(signer, huge), signer);
    expect(res.status).toBe(413);
    expect(await res.json()).toMatchObject({ status: 413 });
  });

  it("answers 400 to a signed body that is not JSON", async () => {
    const res = await sendToBot(await signedRequest(signer, "not json"), signer);
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({
      error: "Body is not an interaction: the body is not a JSON object",
      status: 400,
    });
  });

  it("answers 401 when the configured public key is malformed", async () => {
    const broken: InteractionSigner = { ...signer, publicKeyHex: "not-a-key" };
    const res = await sendToBot(await signedRequest(signer, PING), broken);
    expect(res.status).toBe(401);
  });
});
