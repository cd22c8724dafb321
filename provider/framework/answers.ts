/**
 * Judging Zoom's answers where the client cannot: JSON that is well formed but is not what was asked for (an
 * object without its id or with another one, a list that is not a list or holds junk, a list left out with
 * no sign that it is empty). Such answers are errors: never "gone" (which would drop the object from state)
 * and never state (found by tests/reliability/malformedReads.test.ts).
 */
import { isPlainObject } from "./case";
import type { ZoomObject } from "./definition";

/** A Zoom answer that is JSON but not the object or list it should be. */
export class MalformedAnswerError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "MalformedAnswerError";
  }
}

/**
 * Fields of Zoom's list answers besides the list. Zoom leaves the list out of some empty answers
 * (`{"total_records": 0, "page_size": 30}`); an answer with neither the list nor any of these is not a list.
 */
const LIST_FIELDS = ["total_records", "page_size", "next_page_token", "page_count", "page_number"];

/** The items of a (non-paginated) list answer, or a MalformedAnswerError saying what is wrong with it. */
export function itemsOf(answer: unknown, itemsKey: string, operation: string): ZoomObject[] {
  if (!isPlainObject(answer)) throw new MalformedAnswerError(`Zoom answered ${operation} without a JSON object`);
  const items = answer[itemsKey];
  if (items === undefined) {
    if (LIST_FIELDS.some((field) => field in answer)) return [];
    throw new MalformedAnswerError(`Zoom answered ${operation} without "${itemsKey}", and nothing says the list is empty`);
  }
  if (!Array.isArray(items)) throw new MalformedAnswerError(`Zoom answered ${operation} with a "${itemsKey}" that is not a list`);
  if (!items.every(isPlainObject)) throw new MalformedAnswerError(`Zoom answered ${operation} with a "${itemsKey}" list holding something other than objects`);
  return items;
}

/** Zoom's id of an object in its answer (`id`), as a string; empty when there is none, or not a string or number. */
export function idOf(answer: ZoomObject | undefined): string {
  const id = answer?.id;
  return typeof id === "string" || typeof id === "number" ? String(id) : "";
}

/** An id as answers show it in messages: short, quoted. */
function shown(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 60)}...` : text;
}

/** Checks that a GET answer is the object asked for: its `id` is `zoomId`. */
export function requireIdentity(answer: ZoomObject, zoomId: string, operation: string): ZoomObject {
  const id = idOf(answer);
  if (id === zoomId) return answer;
  throw new MalformedAnswerError(
    id === ""
      ? `Zoom answered ${operation} with an object without a usable id (id ${shown(answer.id)}), not the object ${shown(zoomId)}`
      : `Zoom answered ${operation} with object ${shown(id)}, not the object ${shown(zoomId)} asked for`,
  );
}

/**
 * An error of one operation, its message led by what was being done (`reading zoom:Meeting "x": ...`), so it
 * names the resource. Errors that already say so are kept as they are.
 */
export function labelled(error: unknown, label: string): unknown {
  if (!(error instanceof Error) || error.message.startsWith(label)) return error;
  const wrapped = new Error(`${label}: ${error.message}`, { cause: error });
  wrapped.name = error.name;
  return wrapped;
}
