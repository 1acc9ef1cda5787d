/**
 * A PostgreSQL array literal of ids, months or codes (letters, digits, `_`, `.`, `-`), bound as one
 * parameter (`= any($1::text[])`) instead of one per item; each quoted, so a code spelled NULL stays a code.
 */
export const arrayLiteral = (items: readonly string[]) => `{${items.map((item) => `"${item}"`).join(",")}}`;
