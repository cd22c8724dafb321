/**
 * SIP Connected Audio trunks: `/accounts/{accountId}/sip_trunk/trunks[/{trunkId}]` (master-account API only).
 *
 * Zoom configures the master account's trunks itself; the API can only list them, assign them to a
 * sub-account (with the sub-account's own DNIS and caller id), list a sub-account's assignments and remove
 * one. The emulator seeds the master with three trunks. Error codes and wording are the spec's.
 */
import { z } from "zod";
import type { AccountState, EmulatorContext, Handler, RouteModule } from "../types";
import { ZoomHttpError } from "../types";

/** A master account's trunk, as the spec's list answer shows it. */
export interface MasterTrunk {
  id: string;
  name: string;
  /** The master's full DNIS; its first five digits are the prefix every sub-account DNIS must start with. */
  dnis: string;
  sip_server_address: string;
  number_prefix: string;
  outbound_caller_id: string;
}

/** A master trunk assigned to a sub-account: what the sub-account chose, stored on the sub-account. */
interface Assignment {
  id: string;
  dnis: string;
  outbound_caller_id?: string;
}

const DNIS_PREFIX_LENGTH = 5;

/** Three trunks, with distinct DNIS prefixes, addresses from the documentation range (RFC 5737). */
const INITIAL_MASTER_TRUNKS: readonly Omit<MasterTrunk, "id">[] = [
  { name: "trunk1", dnis: "1888812345", sip_server_address: "192.0.2.10", number_prefix: "0", outbound_caller_id: "+18888120000" },
  { name: "trunk2", dnis: "1888923456", sip_server_address: "192.0.2.20", number_prefix: "1", outbound_caller_id: "+18889230000" },
  { name: "trunk3", dnis: "4420034567", sip_server_address: "sip.example.net", number_prefix: "44", outbound_caller_id: "+442003450000" },
];

const masterTrunkSeed = z.object({
  name: z.string().min(1),
  dnis: z.string().regex(/^\d{5,15}$/),
  sip_server_address: z.string().min(1),
  number_prefix: z.string(),
  outbound_caller_id: z.string().max(32),
});

/** The spec's AssignSIPTrunks body: 1 to 30 trunks, DNIS 5 to 8 characters, caller id up to 32. */
const assignment = z.object({
  id: z.string().min(1),
  dnis: z.string().min(5).max(8),
  outbound_caller_id: z.string().max(32).optional(),
});
const MAX_TRUNKS_PER_REQUEST = 30;
const assignBody = z.object({ sip_trunks: z.array(assignment).min(1).max(MAX_TRUNKS_PER_REQUEST) });

function masterStore(master: AccountState): MasterTrunk[] {
  return master.store<MasterTrunk[]>("sipTrunks.master", () => []);
}

function assignments(account: AccountState): Map<string, Assignment> {
  return account.store<Map<string, Assignment>>("sipTrunks.assigned", () => new Map());
}

/** Spec, 400 code 300: the master account cannot assign to (or remove from) itself. */
function notASubAccount(): ZoomHttpError {
  return new ZoomHttpError(
    400,
    300,
    "Your account does not have the permission to make updates on this account. Only a master account can perform this action on a subaccount.",
  );
}

/** Spec, 400 code 300, for an unknown trunk id and for a DNIS that does not carry the trunk's prefix. */
function invalidTrunks(field: string, message: string): ZoomHttpError {
  return new ZoomHttpError(400, 300, "One or more parameters provided in the `sip_trunks` object are invalid.", [
    { field, message },
  ]);
}

function masterOf(ctx: EmulatorContext): AccountState {
  const master = ctx.findAccount("me");
  if (!master) throw new Error("the emulator has no master account");
  return master;
}

/** An assigned trunk as the sub-account's list shows it: the master's trunk with the sub-account's DNIS. */
function assignedView(trunk: MasterTrunk, chosen: Assignment): Record<string, string> {
  const view: Record<string, string> = {
    id: trunk.id,
    name: trunk.name,
    dnis: chosen.dnis,
    sip_server_address: trunk.sip_server_address,
    number_prefix: trunk.number_prefix,
  };
  if (chosen.outbound_caller_id !== undefined) view.outbound_caller_id = chosen.outbound_caller_id;
  return view;
}

/**
 * Checks every requested trunk before changing anything, then assigns them all (a trunk already assigned to
 * the sub-account gets the new DNIS and caller id: Zoom has no update call, so a re-assign replaces it).
 */
function assign(account: AccountState, body: unknown, ctx: EmulatorContext): Record<string, string>[] {
  if (account.isMaster) throw notASubAccount();
  const { sip_trunks: requested } = ctx.validate(assignBody, body);
  const trunks = masterStore(masterOf(ctx));
  // Spec, 400 code 300: "Request failed because this subaccount's master account is missing SIP Trunk Configurations."
  if (trunks.length === 0) {
    throw new ZoomHttpError(400, 300, "Request failed because this subaccount's master account is missing SIP Trunk Configurations.");
  }
  const resolved = requested.map((item, index) => {
    const trunk = trunks.find((candidate) => candidate.id === item.id);
    if (!trunk) throw invalidTrunks(`sip_trunks[${index}].id`, `SIP Trunk does not exist: ${item.id}.`);
    // Spec: "The prefix of the DNIS - the first five digits of the DNIS value - must match the DNIS prefix
    // of the master account."
    const prefix = trunk.dnis.slice(0, DNIS_PREFIX_LENGTH);
    if (!/^\d+$/.test(item.dnis) || !item.dnis.startsWith(prefix)) {
      throw invalidTrunks(`sip_trunks[${index}].dnis`, `The DNIS must start with the trunk's DNIS prefix ${prefix}.`);
    }
    return { trunk, chosen: item };
  });
  const assigned = assignments(account);
  return resolved.map(({ trunk, chosen }) => {
    assigned.set(trunk.id, { ...chosen });
    const { outbound_caller_id: _callerId, ...view } = assignedView(trunk, chosen);
    return view;
  });
}

const ListSIPTrunks: Handler = (req, ctx) => {
  const trunks = masterStore(masterOf(ctx));
  const items: Record<string, string>[] = req.account.isMaster
    ? trunks.map((trunk) => ({ ...trunk }))
    : [...assignments(req.account).values()].flatMap((chosen) => {
        const trunk = trunks.find((candidate) => candidate.id === chosen.id);
        return trunk ? [assignedView(trunk, chosen)] : [];
      });
  return { status: 200, body: { sip_trunks: items, total_records: items.length } };
};

/**
 * The spec files the success answer under 201 with a `sip_trunks` body (its text says "204 No Content"); we
 * follow the schema: 201 with the assigned trunks, without `outbound_caller_id`, which that schema lacks.
 */
const AssignSIPTrunks: Handler = (req, ctx) => ({ status: 201, body: { sip_trunks: assign(req.account, req.body, ctx) } });

/** Spec: 404 code 2301 "SIP Trunk does not exist: {trunkId}." when the sub-account does not have it. */
const DeleteASIPTrunk: Handler = (req) => {
  if (req.account.isMaster) throw notASubAccount();
  const trunkId = req.pathParams.trunkId;
  if (!assignments(req.account).delete(trunkId)) throw new ZoomHttpError(404, 2301, `SIP Trunk does not exist: ${trunkId}.`);
  return { status: 204 };
};

export const sipTrunkRoutes: RouteModule = {
  name: "sipTrunks",
  handlers: { ListSIPTrunks, AssignSIPTrunks, DeleteASIPTrunk },
  /** `GET /_emulator/state` lists the master's trunks. */
  describeAccount(account) {
    if (!account.isMaster) return {};
    return { sipTrunks: masterStore(account).map(({ id, name, dnis }) => ({ id, name, dnis })) };
  },
  initAccount(account, ctx) {
    if (!account.isMaster) return;
    const trunks = masterStore(account);
    if (trunks.length > 0) return;
    for (const trunk of INITIAL_MASTER_TRUNKS) trunks.push({ id: ctx.ids.string(), ...trunk });
  },
  seed: {
    /**
     * More of the master account's own trunks (its carrier contracts, which the API cannot create): items are
     * `{name, dnis, sip_server_address, number_prefix, outbound_caller_id}`; answers them with ids. Master only.
     */
    masterSipTrunks: (account, items, ctx) => {
      if (!account.isMaster) throw new ZoomHttpError(400, 300, "Only the master account has its own SIP trunks.");
      const trunks = masterStore(account);
      return items.map((item) => {
        const trunk: MasterTrunk = { id: ctx.ids.string(), ...ctx.validate(masterTrunkSeed, item) };
        trunks.push(trunk);
        return { ...trunk };
      });
    },
    /**
     * Assignments to the seed's (sub-)account: items are AssignSIPTrunks' `sip_trunks` entries
     * (`{id, dnis, outbound_caller_id}`), checked as the API checks them; answers the assigned trunks.
     */
    sipTrunks: (account, items, ctx) => {
      const answers: Record<string, string>[] = [];
      for (let start = 0; start < items.length; start += MAX_TRUNKS_PER_REQUEST) {
        answers.push(...assign(account, { sip_trunks: items.slice(start, start + MAX_TRUNKS_PER_REQUEST) }, ctx));
      }
      return answers;
    },
  },
};
