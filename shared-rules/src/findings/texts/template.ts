// The shape of a sub-code's text: a {param} template, or a function for the few texts that list or choose parts.
import { type FindingParams } from '../params';

/** q(name) is the param as a message shows it (quoted, or a nested sub-code's text). */
export type TextFunction = (params: FindingParams, q: (name: string) => string) => string;
export type TextTemplate = string | TextFunction;
