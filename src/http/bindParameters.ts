import { InternalServerError } from '../ocs/OcsError.js';
import { strictString, type Args, type Params } from '../domain/context.js';
import { isPhpArray, phpIntCast, type PhpArray } from '../domain/phpRules.js';

/** The type of a controller argument, as Dispatcher::executeController treats it. */
export type PhpType = 'string' | 'int' | 'bool' | 'array' | 'mixed';

/** One argument of an operation's controller method, read from the release's spec. */
export interface ParameterDefinition {
  /** The request key (a query `groups[]` is the argument `groups`). */
  name: string;
  type: PhpType;
  /** No default in PHP: a missing value cannot be bound (an uncaught error, 996). */
  required: boolean;
  /** The PHP default an absent (or null) value takes; null when the spec gives none. */
  default: BoundValue;
}

/** A bound argument: what a controller receives. */
export type BoundValue = string | number | boolean | PhpArray | null;

/** PHP's (bool) cast: '', '0', 0, 0.0, false and the empty array are false. */
function phpBoolCast(value: unknown): boolean {
  if (isPhpArray(value)) return Object.keys(value).length > 0;
  return !(value === '' || value === '0' || value === 0 || value === false);
}

/**
 * One value, as Dispatcher::executeController hands it on (31.0.11 lib/private/AppFramework/Http/
 * Dispatcher.php): `'false'` for a bool is false; int and bool go through settype and accept
 * anything; every other typed argument must already have its type, else the call is a TypeError
 * that ocs/v1.php answers with 996 (recordings transport/json-number-groupid,
 * transport/json-bool-groupid, array-param/*).
 */
function bindValue(parameter: ParameterDefinition, value: unknown): unknown {
  switch (parameter.type) {
    case 'string':
      return strictString(value, `parameter "${parameter.name}"`);
    case 'int':
      return phpIntCast(value);
    case 'bool':
      return value === 'false' ? false : phpBoolCast(value);
    case 'array':
      if (!isPhpArray(value)) throw new InternalServerError(`parameter "${parameter.name}" must be an array`);
      return value;
    case 'mixed':
      return value;
  }
}

/**
 * The arguments of the operation's controller method (a null-prototype record), bound once from the request's parameters.
 * Request::getParam is isset(): an absent or null value takes the default, and a required one then
 * has nothing to bind (InternalServerError: ocs/v1.php's 996).
 */
export function bindParameters(parameters: readonly ParameterDefinition[], params: Params): Args {
  const args: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
  for (const parameter of parameters) {
    const value = params[parameter.name];
    if (value === undefined || value === null) {
      if (parameter.required) throw new InternalServerError(`parameter "${parameter.name}" is missing`);
      args[parameter.name] = parameter.default;
    } else {
      args[parameter.name] = bindValue(parameter, value);
    }
  }
  return args;
}
