import { randomInt } from "node:crypto";
import { hash, verify } from "@node-rs/argon2";
import { AppError } from "../lib/errors.js";

// argon2id (the library's default algorithm) with OWASP's minimum memory/time cost.
const options = { memoryCost: 19_456, timeCost: 2, parallelism: 1 };

export const hashPassword = (password: string) => hash(password, options);

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/** A hash that matches nothing, verified against when the user does not exist so timing reveals nothing. */
export const decoyHash = await hashPassword("capaian-decoy-password-that-is-never-valid");

export const MIN_PASSWORD_LENGTH = 10;

/** Refuses passwords a colleague could guess; the message is for the person choosing it. */
export function checkPasswordPolicy(password: string, username: string): void {
  const lower = password.toLowerCase();
  if (password.length < MIN_PASSWORD_LENGTH) {
    throw new AppError(
      400,
      "PASSWORD_TOO_SHORT",
      `Kata sandi minimal ${MIN_PASSWORD_LENGTH} karakter.`,
      `The password must have at least ${MIN_PASSWORD_LENGTH} characters.`,
    );
  }
  if (
    lower.includes(username.toLowerCase()) ||
    /^(.)\1+$/.test(password) ||
    /^(1234567890|0123456789)/.test(password)
  ) {
    throw new AppError(
      400,
      "PASSWORD_TOO_WEAK",
      "Kata sandi terlalu mudah ditebak: jangan memuat nama pengguna atau deret angka.",
      "The password is too easy to guess: do not include the username or a run of digits.",
    );
  }
}

const alphabet = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKMNPQRSTUVWXYZ23456789";

/** A temporary password to read out or hand over; the user must change it at first login. */
export function generateTemporaryPassword(length = 14): string {
  return Array.from({ length }, () => alphabet[randomInt(alphabet.length)]).join("");
}
