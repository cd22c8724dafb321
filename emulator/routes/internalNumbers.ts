/**
 * SIP Connected Audio internal numbers: `/accounts/{accountId}/sip_trunk/internal_numbers[/{numberId}]`
 * (master-account API only).
 *
 * Batch add (1 to 30), paginated list, PATCH and DELETE; no GET by id. Numbers are unique per account, and a
 * visible number can always be used to join ("If the value of `visible` field is set to `true`, this field's
 * value will always be `true`."). Error codes and wording are the spec's.
 */
import { z } from "zod";
import type { AccountState, EmulatorContext, Handler, RouteModule } from "../types";
import { ZoomHttpError } from "../types";
import { deleteRowHandler, UniqueTable } from "../core/uniqueTable";

/** The spec's display languages. */
const LANGUAGES = [
  "en-GB", "en-US", "ar", "da-DK", "de-DE", "es-ES", "es-MX", "fr-CA", "fr-FR",
  "it-IT", "ja", "ko-KR", "nl-NL", "pt-BR", "pt-PT", "ru", "zh-CN", "zh-HK",
] as const;

/** An internal number as Zoom answers it in the add response (the list adds `assigned_accounts`). */
export interface InternalNumber {
  id: string;
  number: string;
  display_number: string;
  country: string;
  labels: string;
  languages: (typeof LANGUAGES)[number];
  type: 0 | 1;
  visible: boolean;
  allow_join: boolean;
  allow_for_external_meetings: boolean;
}

/**
 * Stricter than the schema (a bare string) because the spec's prose says "Phone number in E164 format."
 * (AddInternalNumbers, UpdateAnInternalNumber): a plus, then up to 15 digits, the first not zero.
 */
const e164 = z.string().regex(/^\+[1-9]\d{1,14}$/);
/** Stricter than the schema (a bare string): the prose says "The country's two letter ISO country code." */
const countryCode = z.string().regex(/^[A-Z]{2}$/);
const numberType = z.union([z.literal(0), z.literal(1)]);

/** One item of the add body: the six fields the spec requires, and the three optional switches. */
const newNumber = z.object({
  number: e164,
  // The schema and its prose ("Phone number with display format.") set no length or format: none here.
  display_number: z.string(),
  country: countryCode,
  labels: z.string(),
  languages: z.enum(LANGUAGES),
  type: numberType,
  visible: z.boolean().optional(),
  allow_join: z.boolean().optional(),
  allow_for_external_meetings: z.boolean().optional(),
});
type NewNumber = z.infer<typeof newNumber>;

const MAX_NUMBERS_PER_REQUEST = 30;
const addBody = z.object({ internal_numbers: z.array(newNumber).min(1).max(MAX_NUMBERS_PER_REQUEST) });

/** PATCH: every field optional; `affect_all` (shared accounts) is accepted and has nothing to affect here. */
const updateBody = newNumber.partial().extend({ affect_all: z.boolean().optional() });

/** Per-account storage: numbers in creation order, E.164 values unique. */
function numbers(account: AccountState): UniqueTable<InternalNumber> {
  return account.store("internalNumbers", () => new UniqueTable<InternalNumber>((entry) => entry.number));
}

/** Spec, add: 400 code 300 for a number already in use. */
function numberInUse(): ZoomHttpError {
  return new ZoomHttpError(
    400,
    300,
    "The value you provided for the `number` field has already been used. Please provide a unique value for this field.",
  );
}

/** Spec, delete: 404 code 2303 "Internal Number does not exist: {numberId}.". */
function numberNotFound(numberId: string): ZoomHttpError {
  return new ZoomHttpError(404, 2303, `Internal Number does not exist: ${numberId}.`);
}

/**
 * Spec, update: its 404 lists only the unknown account (2001); the failure it documents for a number it cannot
 * update is 400 code 2 "Your request to update the internal number has failed.", which we answer for an
 * unknown number id.
 */
function updateFailed(): ZoomHttpError {
  return new ZoomHttpError(400, 2, "Your request to update the internal number has failed.");
}

/**
 * Adds already validated numbers, all or none. Switches Zoom is not told about default to false; then a
 * visible number is made joinable, as Zoom does.
 */
function addNumbers(account: AccountState, items: readonly NewNumber[], ctx: EmulatorContext): InternalNumber[] {
  const store = numbers(account);
  const batch = new Set<string>();
  for (const item of items) {
    if (store.holder(item.number) !== undefined || batch.has(item.number)) throw numberInUse();
    batch.add(item.number);
  }
  return items.map((item) => {
    const visible = item.visible ?? false;
    const created: InternalNumber = {
      id: ctx.ids.string(),
      number: item.number,
      display_number: item.display_number,
      country: item.country,
      labels: item.labels,
      languages: item.languages,
      type: item.type,
      visible,
      allow_join: visible || (item.allow_join ?? false),
      allow_for_external_meetings: item.allow_for_external_meetings ?? false,
    };
    store.put(created);
    return { ...created };
  });
}

const ListInternalNumbers: Handler = (req, ctx) => {
  const owner = { id: req.account.id, name: req.account.name, type: req.account.isMaster ? 1 : 2 };
  const items = numbers(req.account).rows().map((entry) => ({ ...entry, assigned_accounts: [{ ...owner }] }));
  return { status: 200, body: ctx.paginate(items, req.query, "internal_numbers") };
};

const AddInternalNumbers: Handler = (req, ctx) => {
  const { internal_numbers: items } = ctx.validate(addBody, req.body);
  return { status: 201, body: { internal_numbers: addNumbers(req.account, items, ctx) } };
};

const DeleteAnInternalNumber = deleteRowHandler(numbers, "numberId", numberNotFound, 204);

/** PATCH merges the given fields; a changed `number` must stay unique; `visible: true` forces `allow_join`. */
const UpdateAnInternalNumber: Handler = (req, ctx) => {
  const store = numbers(req.account);
  const numberId = req.pathParams.numberId;
  const current = store.get(numberId);
  if (!current) throw updateFailed();
  const { affect_all: _affectAll, ...changes } = ctx.validate(updateBody, req.body);
  if (changes.number !== undefined && changes.number !== current.number && store.holder(changes.number) !== undefined) {
    throw numberInUse();
  }
  const merged: InternalNumber = { ...current };
  if (changes.number !== undefined) merged.number = changes.number;
  if (changes.display_number !== undefined) merged.display_number = changes.display_number;
  if (changes.country !== undefined) merged.country = changes.country;
  if (changes.labels !== undefined) merged.labels = changes.labels;
  if (changes.languages !== undefined) merged.languages = changes.languages;
  if (changes.type !== undefined) merged.type = changes.type;
  if (changes.visible !== undefined) merged.visible = changes.visible;
  if (changes.allow_join !== undefined) merged.allow_join = changes.allow_join;
  if (changes.allow_for_external_meetings !== undefined) {
    merged.allow_for_external_meetings = changes.allow_for_external_meetings;
  }
  if (merged.visible) merged.allow_join = true;
  store.put(merged);
  return { status: 204 };
};

export const internalNumberRoutes: RouteModule = {
  name: "internalNumbers",
  handlers: { ListInternalNumbers, AddInternalNumbers, UpdateAnInternalNumber, DeleteAnInternalNumber },
  seed: {
    /** Items are AddInternalNumbers' entries, any number of them (no 30-per-request cap); answers them with ids. */
    internalNumbers: (account, items, ctx) =>
      addNumbers(
        account,
        items.map((item) => ctx.validate(newNumber, item)),
        ctx,
      ),
  },
};
