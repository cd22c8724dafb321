/**
 * Tracking fields (`/tracking_fields`, also under `/accounts/{accountId}`): list (no pagination), create,
 * get, update and delete. Field names are unique per account.
 *
 * Errors from Zoom's spec: 404 code 5110 "Tracking field does not exist: {fieldId}." and, on update, 400 code
 * 200 "Tracking field {field} already exists.". Zoom documents no 400 for create; a duplicate name there gets
 * the same answer as on update, which is what Zoom does (the spec's error lists are incomplete).
 */
import { z } from "zod";
import type { AccountState, EmulatorContext, Handler, RouteModule } from "../types";
import { ZoomHttpError } from "../types";

export interface TrackingField {
  id: string;
  field: string;
  required: boolean;
  visible: boolean;
  recommended_values: string[];
}

const fieldProps = {
  field: z.string().min(1),
  recommended_values: z.array(z.string()),
  required: z.boolean(),
  visible: z.boolean(),
};
/** The spec marks nothing required; a tracking field without a name cannot exist, so create needs `field`. */
const createBody = z.object({
  field: fieldProps.field,
  recommended_values: fieldProps.recommended_values.optional(),
  required: fieldProps.required.optional(),
  visible: fieldProps.visible.optional(),
});
const updateBody = createBody.partial();

/** Per-account storage, in creation order. */
function store(account: AccountState): Map<string, TrackingField> {
  return account.store("trackingFields", () => new Map<string, TrackingField>());
}

/** The account's tracking field with this name (meetings use it for `tracking_fields[].visible`). */
export function trackingFieldByName(account: AccountState, name: string): TrackingField | undefined {
  return [...store(account).values()].find((f) => f.field === name);
}

function notFound(fieldId: string): ZoomHttpError {
  return new ZoomHttpError(404, 5110, `Tracking field does not exist: ${fieldId}.`);
}

function existing(account: AccountState, fieldId: string): TrackingField {
  const field = store(account).get(fieldId);
  if (!field) throw notFound(fieldId);
  return field;
}

function assertNameFree(account: AccountState, name: string, exceptId?: string): void {
  const clash = trackingFieldByName(account, name);
  if (clash && clash.id !== exceptId) throw new ZoomHttpError(400, 200, `Tracking field ${name} already exists.`);
}

function create(account: AccountState, body: unknown, ctx: EmulatorContext): TrackingField {
  const input = ctx.validate(createBody, body);
  assertNameFree(account, input.field);
  const field: TrackingField = {
    id: ctx.ids.string(),
    field: input.field,
    required: input.required ?? false,
    visible: input.visible ?? true,
    recommended_values: input.recommended_values ?? [],
  };
  store(account).set(field.id, field);
  return field;
}

const list: Handler = (req) => {
  const fields = [...store(req.account).values()];
  return { status: 200, body: { total_records: fields.length, tracking_fields: fields } };
};

const createHandler: Handler = (req, ctx) => ({ status: 201, body: create(req.account, req.body, ctx) });

const get: Handler = (req) => ({ status: 200, body: existing(req.account, req.pathParams.fieldId) });

const update: Handler = (req, ctx) => {
  const field = existing(req.account, req.pathParams.fieldId);
  const changes = ctx.validate(updateBody, req.body);
  if (changes.field !== undefined) assertNameFree(req.account, changes.field, field.id);
  for (const [key, value] of Object.entries(changes)) {
    if (value !== undefined) Object.assign(field, { [key]: value });
  }
  return { status: 204 };
};

const remove: Handler = (req) => {
  existing(req.account, req.pathParams.fieldId);
  store(req.account).delete(req.pathParams.fieldId);
  return { status: 204 };
};

export const trackingFieldRoutes: RouteModule = {
  name: "trackingFields",
  handlers: {
    trackingfieldList: list,
    trackingfieldCreate: createHandler,
    trackingfieldGet: get,
    trackingfieldUpdate: update,
    trackingfieldDelete: remove,
  },
  seed: {
    /** `{"tracking_fields": [{field, required?, visible?, recommended_values?}]}`, as the create body. */
    tracking_fields: (account, items, ctx) => items.map((item) => create(account, item, ctx)),
  },
};
