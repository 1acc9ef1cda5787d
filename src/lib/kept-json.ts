import type { FastifyReply } from "fastify";
import { type $ZodType, safeEncode } from "zod/v4/core";

const texts = new WeakMap<object, string>();

/**
 * Sends a value kept frozen between two changes (`AuditVersionCache`) as the JSON the route's response
 * schema would make, checked and written once per kept value instead of on every read: for the RAK
 * (28 KB) the check alone was a third of the server's CPU per read. A string with a JSON content type
 * passes Fastify's serializer untouched.
 */
export function sendKept(reply: FastifyReply, schema: $ZodType, value: object): FastifyReply {
  let text = texts.get(value);
  if (text === undefined) {
    const checked = safeEncode(schema, value);
    if (checked.error) throw new Error("response does not match its schema", { cause: checked.error });
    text = JSON.stringify(checked.data);
    if (Object.isFrozen(value)) texts.set(value, text);
  }
  return reply.type("application/json; charset=utf-8").send(text);
}
