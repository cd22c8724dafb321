/**
 * The keys the framework adds to a resource's inputs and outputs beside the user's properties. None is ever part
 * of a Zoom object or sent to Zoom; `userProperties` (state.ts) drops them all. Everything that writes or reads
 * them (resource classes, the provider, drift, the importer) names them through these constants.
 */

/** The serialized provider Pulumi's dynamic resources carry (stub.ts); set by the SDK, never by the framework. */
export const PROVIDER_KEY = "__provider";

/**
 * The resource's logical name, for messages (`creating zoom:Meeting "standup"`). Not `__name`: Pulumi's Resource
 * keeps its own property of that name.
 */
export const NAME_KEY = "__logicalName";

/**
 * The dotted paths the user declared at the last create or update, so that a refresh rewrites exactly those
 * inputs from the live object. Its presence in the properties a read gets marks the read as a refresh.
 */
export const DECLARED_KEY = "__declared";

/**
 * The declared values of paths compared through a comparator (`startTime: "2030-02-04T14:00:00"` with a zone),
 * so a refresh keeps the user's form when Zoom's answer (`2030-02-04T13:00:00Z`) means the same. Only
 * comparator paths are recorded: never secrets, and nothing the live object already says word for word.
 */
export const DECLARED_FORMS_KEY = "__declaredForms";

/**
 * Set in the properties of a ResourceInitError: the object exists in Zoom but state lacks its live outputs.
 * The next diff plans an update, and that update reads the object back.
 */
export const INCOMPLETE_KEY = "__incomplete";

/**
 * Set on adopted objects (`adoptId`, `.get()`): we never saw their create, and Zoom does not return create-only
 * inputs, so a create-only value in state (declared at adoption, or none) says nothing about the object.
 */
export const ADOPTED_KEY = "__adopted";

/** The input naming an existing Zoom object to adopt, by its Pulumi id (adoption.ts). */
export const ADOPT_KEY = "adoptId";

const FRAMEWORK_KEYS: ReadonlySet<string> = new Set([PROVIDER_KEY, NAME_KEY, DECLARED_KEY, DECLARED_FORMS_KEY, INCOMPLETE_KEY, ADOPTED_KEY, ADOPT_KEY]);

/** True for a key the framework adds; never one of the user's properties. */
export function isFrameworkKey(key: string): boolean {
  return FRAMEWORK_KEYS.has(key);
}
