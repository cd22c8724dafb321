/**
 * zoom:TspAccount — one of a user's (at most two) TSP accounts, ids "1" and "2" per user.
 *
 * Special cases over the shared flow: the Pulumi id carries the user (`[<accountId>/]<userId>/<tspId>`);
 * Zoom's PATCH requires the conference code and leader PIN, so updates send every declared property; Zoom's
 * catch-all code 300 is told apart by message (two-per-user limit, last account undeletable, gone); a create
 * whose outcome is unknown is looked for among the user's two slots by conference code.
 */
import type * as pulumi from "@pulumi/pulumi";
import { tspAccountSchema, type DialInNumber, type TspAccountArgs, type TspAccountInputs } from "../../schema/tspAccount";
import { idOf, itemsOf } from "../framework/answers";
import { resourceClass, SCOPE, unknownUser, userLabel } from "../framework/declare";
import type { CreateLookupContext, ResourceDefinition } from "../framework/definition";
import { LookupVerdict } from "../framework/errors";
import { camelCaseOf } from "../framework/case";

const TSP_DISABLED =
  "TSP (third-party telephony audio) is not enabled on this Zoom account, and Zoom refuses every TSP account request until it is: ask an account admin or Zoom support to enable TSP for the account (it needs a Pro or higher plan)";

/**
 * After a create whose outcome is unknown: the user's TSP slots with the declared conference code. Zoom keeps
 * no creation time for TSP accounts, so a slot that already had the same conference code before this create
 * cannot be told apart from a new one; when both slots match, the leader PIN decides, and if that does not
 * either, we stop rather than adopt the wrong one.
 */
async function findCreatedTsp(ctx: CreateLookupContext, inputs: TspAccountInputs): Promise<string | undefined> {
  const response = await ctx.client.request({
    operation: "userTSPs",
    pathParams: { userId: inputs.userId },
    accountId: inputs.accountId,
    context: ctx.label,
  });
  // A slot another create of this process holds is not ours, whatever its code.
  const sameCode = itemsOf(response.data, "tsp_accounts", "userTSPs").filter((tsp) => tsp.conference_code === inputs.conferenceCode && !ctx.taken(String(tsp.id)));
  const candidates = sameCode.length > 1 ? sameCode.filter((tsp) => tsp.leader_pin === inputs.leaderPin) : sameCode;
  if (candidates.length > 1) {
    throw new LookupVerdict(
      `${ctx.label}: the outcome of the create is unknown and both TSP accounts of user ${userLabel(inputs)} have conference code ${inputs.conferenceCode}, so pulumi-zoom cannot tell which one it created; adopt the right one instead (adoptId: "<userId>/<1 or 2>")`,
    );
  }
  return candidates[0] === undefined ? undefined : idOf(candidates[0]) || undefined;
}

export const tspAccountDefinition = {
  kind: "TspAccount",
  description:
    "A user's TSP (Telephony Service Provider) account: conference code, leader PIN (secret), bridge and dial-in numbers of a third-party audio bridge. Zoom allows at most two per user (ids `1` and `2`, so the Pulumi id is `[<accountId>/]<userId>/<tspId>`), needs TSP enabled on the account, and refuses to delete a user's last TSP account: destroying it fails and keeps it in the stack until the user has another one.",
  idParts: ["accountId", "userId"],
  lostCreate:
    "the user's two TSP slots are searched for the declared conference code (the leader PIN decides between two alike) before it is tried again; when neither tells them apart, the create fails with an error asking you to adopt the right one with `adoptId`",
  schema: tspAccountSchema,
  properties: {
    conferenceCode: { source: "live" },
    leaderPin: { source: "live", secret: true },
    tspBridge: { source: "live" },
    // Compared in order (JSON equality): Zoom's docs describe a list, not a set, with no uniqueness key, and
    // it is shown to participants in that order; Zoom keeps it as given. Sorting would hide a reorder the
    // user asked for and never apply it.
    dialInNumbers: { source: "live" },
    userId: SCOPE,
    accountId: SCOPE,
  },
  outputs: {
    tspId: { type: "string", description: "Zoom's id of the TSP account: `1` or `2`, per user." },
  },
  normalize: (live) => {
    const { id, ...rest } = camelCaseOf(live);
    return { ...rest, tspId: id === undefined ? undefined : String(id) };
  },
  // 1001: the user is gone, and their TSP accounts with them.
  goneCodes: [1001],
  // Zoom answers a missing slot with its catch-all code 300, which also means "last one" and "max two".
  goneErrors: [
    { zoomCode: 300, zoomMessage: /TSP config does not exist/i },
    { zoomCode: 300, zoomMessage: /TSP ID (provided )?does not exist/i },
  ],
  create: {
    operation: "userTSPCreate",
    pathParams: (inputs) => ({ userId: inputs.userId }),
    body: (zoom) => zoom,
    answerIsObject: true,
  },
  read: {
    kind: "get",
    operation: "userTSP",
    pathParams: (ref) => ({ userId: ref.userId ?? "me", tspId: ref.zoomId }),
  },
  // Zoom requires conference_code and leader_pin in every PATCH, so the whole declaration is sent.
  update: { operation: "userTSPUpdate", pathParams: (ref) => ({ userId: ref.userId ?? "me", tspId: ref.zoomId }), body: "full" },
  delete: { operation: "userTSPDelete", pathParams: (ref) => ({ userId: ref.userId ?? "me", tspId: ref.zoomId }) },
  errors: [
    // The two-per-user limit needs the user's current TSP accounts, and `check` never calls the API, so only
    // Zoom can refuse a third one: this makes its answer say what to do.
    {
      operation: "create",
      zoomCode: 300,
      zoomMessage: /maximum of two/i,
      explain: (inputs) =>
        `user ${userLabel(inputs)} already has two TSP accounts, Zoom's maximum: import one of them (id "${inputs.userId}/1" or "${inputs.userId}/2") or delete one before adding another`,
    },
    // The resource stays in state (the delete fails), so nothing is lost; the message says how to proceed.
    {
      operation: "delete",
      zoomCode: 300,
      zoomMessage: /at least one TSP config/i,
      explain: (inputs) =>
        `Zoom refuses to delete the last TSP account of user ${userLabel(inputs)}; it stays in Zoom and in the stack. Add another TSP account for this user first, or stop managing this one without deleting it (\`pulumi state delete <urn>\`, or the \`retainOnDelete\` resource option)`,
    },
    ...(["create", "read", "update", "delete"] as const).map((operation) => ({ operation, zoomCode: 2024, explain: () => TSP_DISABLED })),
    unknownUser<TspAccountInputs>(),
  ],
  hooks: { findCreated: findCreatedTsp },
} satisfies ResourceDefinition<typeof tspAccountSchema>;

/** `TspAccount.get(name, id)` adopts an existing TSP account by id (`[<accountId>/]<userId>/<tspId>`, e.g. `me/1`). */
export class TspAccount extends resourceClass<TspAccountArgs>(tspAccountDefinition) {
  declare readonly conferenceCode: pulumi.Output<string>;
  /** The leader PIN (secret). */
  declare readonly leaderPin: pulumi.Output<string>;
  declare readonly tspBridge: pulumi.Output<"US_TSP_TB" | "EU_TSP_TB" | undefined>;
  declare readonly dialInNumbers: pulumi.Output<DialInNumber[] | undefined>;
  declare readonly userId: pulumi.Output<string>;
  declare readonly accountId: pulumi.Output<string | undefined>;
  /** Zoom's id of the TSP account: `1` or `2`, per user. */
  declare readonly tspId: pulumi.Output<string>;
}
