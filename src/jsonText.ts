import { createRequire } from 'node:module';
import type * as JsoncParser from 'jsonc-parser';

const require = createRequire(import.meta.url);

/** A JSON text that does not parse: where (1-based line and column) and why. */
export class JsonSyntaxError extends Error {
  constructor(
    readonly line: number,
    readonly column: number,
    readonly reason: string,
  ) {
    super(`${line}:${column}: ${reason}`);
    this.name = 'JsonSyntaxError';
  }
}

/** 1-based line and column of a character offset. */
function lineAndColumn(text: string, offset: number): [number, number] {
  const before = text.slice(0, offset);
  const lineStart = before.lastIndexOf('\n') + 1;
  return [before.split('\n').length, offset - lineStart + 1];
}

const V8_POSITION = / (?:in JSON )?at position \d+| \(line \d+ column \d+\)/g;
/** V8's "Unexpected token 'x', ...<source excerpt>... is not valid JSON" (the excerpt may span lines). */
const V8_UNEXPECTED_TOKEN = /^Unexpected token .*is not valid JSON$/s;

/**
 * JSON.parse, with the line and column of a syntax error: JSON.parse decides (it is the strict
 * parser) and its message gives the reason; where that message names no position (an unexpected
 * token), jsonc-parser in strict mode finds the offending token.
 */
export function parseJsonText(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    const message = String((error as Error).message);
    // jsonc-parser loads only for a text that does not parse.
    const jsonc = require('jsonc-parser') as typeof JsoncParser;
    const errors: JsoncParser.ParseError[] = [];
    jsonc.parse(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
    const found = errors[0];
    const position = / at position (\d+)/.exec(message);
    const offset = position ? Number(position[1]) : (found?.offset ?? text.length);
    let reason = message.replace(V8_POSITION, '');
    if (V8_UNEXPECTED_TOKEN.test(reason)) {
      reason = found && found.length > 0 ? `Unexpected token '${text.slice(found.offset, found.offset + found.length)}'` : 'Unexpected token';
    }
    const [line, column] = lineAndColumn(text, offset);
    throw new JsonSyntaxError(line, column, reason);
  }
}
