import { add, div, isZero, mul, sub } from "./decimal.js";
import { DomainError, expectString } from "./errors.js";
import { type NotComputable, notComputable } from "./result.js";

/**
 * Numerator/denominator expressions over data elements in DHIS2's syntax, so they can be exchanged:
 * `#{K4}`, `#{K4.COC}` (a category option combo), decimal numbers with a point, + - * /, unary minus
 * and parentheses. Hand-written tokenizer and recursive-descent parser; nothing is ever eval'd.
 */
export type Expression =
  | { readonly type: "number"; readonly value: string }
  | {
      readonly type: "dataElement";
      readonly dataElement: string;
      readonly categoryOptionCombo?: string;
      /** "K4" or "K4.COC": the key looked up in the values map. */
      readonly key: string;
    }
  | { readonly type: "negate"; readonly operand: Expression }
  | {
      readonly type: "binary";
      readonly operator: "+" | "-" | "*" | "/";
      readonly left: Expression;
      readonly right: Expression;
      /** 1-based column of the operator, for messages such as a division by zero. */
      readonly position?: number;
    };

type TokenKind = "number" | "dataElement" | "operator" | "open" | "close" | "end";

interface Token {
  readonly kind: TokenKind;
  readonly text: string;
  /** 1-based column, as an editor shows it. */
  readonly position: number;
}

/** Divisions inside an expression (e.g. a prevalence / 100) are carried at this precision. */
export const EXPRESSION_FRACTION_DIGITS = 12;
// Keeps recursion far from the JS stack limit; real indicator formulas are a few dozen tokens.
const MAX_TOKENS = 1000;
const MAX_DEPTH = 100;

const DATA_ELEMENT = /^#\{([A-Za-z0-9_]+)(?:\.([A-Za-z0-9_]+))?\}/;
const NUMBER = /^\d+(?:\.\d+)?/;

function syntaxError(
  source: string,
  token: Pick<Token, "text" | "position">,
  expectedId: string,
  expectedEn: string,
) {
  const shown =
    token.text === ""
      ? { id: "akhir ekspresi", en: "end of expression" }
      : { id: `"${token.text}"`, en: `"${token.text}"` };
  return new DomainError(
    "EXPRESSION_INVALID",
    `Ekspresi tidak sah di posisi ${token.position}: ${shown.id} tidak diharapkan, ${expectedId}`,
    `Invalid expression at position ${token.position}: unexpected ${shown.en}, ${expectedEn}`,
    { source, position: token.position, token: token.text },
  );
}

function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < source.length) {
    const rest = source.slice(i);
    const space = /^\s+/.exec(rest);
    if (space) {
      i += space[0].length;
      continue;
    }
    const char = rest.charAt(0);
    const position = i + 1;
    const match = char === "#" ? DATA_ELEMENT.exec(rest) : NUMBER.exec(rest);
    if (match) {
      tokens.push({ kind: char === "#" ? "dataElement" : "number", text: match[0], position });
      i += match[0].length;
    } else if ("+-*/".includes(char)) {
      tokens.push({ kind: "operator", text: char, position });
      i += 1;
    } else if (char === "(" || char === ")") {
      tokens.push({ kind: char === "(" ? "open" : "close", text: char, position });
      i += 1;
    } else {
      const text = char === "#" ? (/^#\{?[^\s}]*\}?/.exec(rest)?.[0] ?? char) : char;
      throw syntaxError(
        source,
        { text, position },
        "gunakan #{KODE}, angka, + - * / atau ( )",
        "use #{CODE}, numbers, + - * / or ( )",
      );
    }
    if (tokens.length > MAX_TOKENS) {
      throw new DomainError(
        "EXPRESSION_TOO_LONG",
        `Ekspresi terlalu panjang (lebih dari ${MAX_TOKENS} token)`,
        `Expression too long (more than ${MAX_TOKENS} tokens)`,
        { source: source.slice(0, 200), position },
      );
    }
  }
  tokens.push({ kind: "end", text: "", position: source.length + 1 });
  return tokens;
}

// A form's rules are parsed at every save and every reading of the form: keep the trees of the texts
// seen lately (trees are never changed after parsing). Bounded, so odd texts cannot grow it.
const parsed = new Map<string, Expression>();
const PARSED_KEPT = 2000;

/** Parses an expression into its syntax tree; errors carry the position and text of the bad token. */
export function parseExpression(source: string): Expression {
  const known = typeof source === "string" ? parsed.get(source) : undefined;
  if (known) return known;
  const tree = parseFresh(source);
  if (parsed.size >= PARSED_KEPT) parsed.clear();
  parsed.set(source, tree);
  return tree;
}

function parseFresh(source: string): Expression {
  const text = expectString(source, "Ekspresi / expression");
  const tokens = tokenize(text);
  let index = 0;
  const peek = (): Token => tokens[index] ?? { kind: "end", text: "", position: text.length + 1 };
  const next = (): Token => {
    const token = peek();
    index += 1;
    return token;
  };

  const sum = (depth: number): Expression => {
    let left = product(depth);
    while (peek().text === "+" || peek().text === "-") {
      const { text: operator, position } = next();
      left = { type: "binary", operator: operator as "+" | "-", left, right: product(depth), position };
    }
    return left;
  };
  const product = (depth: number): Expression => {
    let left = unary(depth);
    while (peek().text === "*" || peek().text === "/") {
      const { text: operator, position } = next();
      left = { type: "binary", operator: operator as "*" | "/", left, right: unary(depth), position };
    }
    return left;
  };
  const unary = (depth: number): Expression => {
    if (depth > MAX_DEPTH) {
      throw syntaxError(
        text,
        peek(),
        `kedalaman lebih dari ${MAX_DEPTH}`,
        `nesting deeper than ${MAX_DEPTH}`,
      );
    }
    const token = peek();
    if (token.text === "-" || token.text === "+") {
      next();
      const operand = unary(depth + 1);
      return token.text === "-" ? { type: "negate", operand } : operand;
    }
    return primary(depth);
  };
  const primary = (depth: number): Expression => {
    const token = next();
    if (token.kind === "number") return { type: "number", value: token.text };
    if (token.kind === "dataElement") return dataElementNode(token.text);
    if (token.kind === "open") {
      const inner = sum(depth + 1);
      const close = next();
      if (close.kind !== "close") throw syntaxError(text, close, 'diharapkan ")"', 'expected ")"');
      return inner;
    }
    throw syntaxError(text, token, "diharapkan angka, #{KODE} atau (", "expected a number, #{CODE} or (");
  };

  const tree = sum(0);
  const trailing = peek();
  if (trailing.kind !== "end") {
    throw syntaxError(text, trailing, "diharapkan operator + - * /", "expected an operator + - * /");
  }
  return tree;
}

function dataElementNode(text: string): Expression {
  const [, dataElement = "", categoryOptionCombo] = DATA_ELEMENT.exec(text) ?? [];
  const key = categoryOptionCombo ? `${dataElement}.${categoryOptionCombo}` : dataElement;
  return categoryOptionCombo
    ? { type: "dataElement", dataElement, categoryOptionCombo, key }
    : { type: "dataElement", dataElement, key };
}

/** Data element keys the expression reads ("K4", "K4.COC"), each once, in order of appearance. */
export function dataElementsOf(expression: Expression): string[] {
  const keys = new Set<string>();
  const visit = (node: Expression): void => {
    if (node.type === "dataElement") keys.add(node.key);
    if (node.type === "negate") visit(node.operand);
    if (node.type === "binary") {
      visit(node.left);
      visit(node.right);
    }
  };
  visit(expression);
  return [...keys];
}

export type Evaluation = { readonly computable: true; readonly value: string } | NotComputable;

interface EvaluationState {
  readonly values: Readonly<Record<string, string>>;
  readonly missing: Set<string>;
  dividedByZero: boolean;
}

/** One walk of the tree: a module function, not a closure per call, as indicators are evaluated by the thousand. */
function run(node: Expression, state: EvaluationState): string {
  switch (node.type) {
    case "number":
      return node.value;
    case "dataElement": {
      const value = Object.hasOwn(state.values, node.key) ? state.values[node.key] : undefined;
      if (value === undefined) state.missing.add(node.key);
      // The placeholder keeps walking the tree so every missing element is reported at once.
      return value ?? "0";
    }
    case "negate":
      return sub("0", run(node.operand, state));
    case "binary": {
      const left = run(node.left, state);
      const right = run(node.right, state);
      if (node.operator === "+") return add(left, right);
      if (node.operator === "-") return sub(left, right);
      if (node.operator === "*") return mul(left, right);
      if (isZero(right)) {
        state.dividedByZero = true;
        return "0";
      }
      return div(left, right, EXPRESSION_FRACTION_DIGITS);
    }
  }
}

/**
 * Evaluates with exact decimals. A data element absent from `values` is reported as missing — never
 * taken as 0 — and a division by zero inside the expression is not computable rather than an error.
 */
export function evaluate(expression: Expression, values: Readonly<Record<string, string>>): Evaluation {
  if (typeof values !== "object" || values === null) {
    throw new DomainError(
      "VALUES_INVALID",
      "Nilai data element harus berupa peta kode → angka",
      "Data element values must be a map of code → number",
    );
  }
  const state: EvaluationState = { values, missing: new Set(), dividedByZero: false };
  const value = run(expression, state);
  const { missing, dividedByZero } = state;
  if (missing.size > 0) return notComputable("missing_data", [...missing]);
  return dividedByZero ? notComputable("denominator_zero") : { computable: true, value };
}
