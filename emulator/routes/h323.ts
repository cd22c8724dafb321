/**
 * H.323/SIP devices (`/h323/devices`, also under `/accounts/{accountId}`).
 *
 * Zoom offers list (paginated), create, a PATCH that needs the full device, and delete; there is no GET by id,
 * so the core's unknown-route 404 covers it. Device names are unique per account.
 */
import { isIP } from "node:net";
import { z } from "zod";
import type { AccountState, EmulatorContext, Handler, RouteModule } from "../types";
import { ZoomHttpError } from "../types";
import { deleteRowHandler, UniqueTable } from "../core/uniqueTable";

/** The device object as Zoom answers it (list items and the create response). */
export interface H323Device {
  id: string;
  name: string;
  protocol: "H.323" | "SIP";
  ip: string;
  encryption: "auto" | "yes" | "no";
}

/**
 * The spec's "The H.323/SIP device object": all four fields required, for create AND update (Zoom's PATCH
 * replaces the whole device). The schema types `ip` as a bare string; the check below is stricter, on the
 * strength of the spec's prose for it, "Device IP." (deviceCreate / deviceUpdate): an address, so text that
 * is no address at all (spaces, URIs with schemes, empty labels) is refused. A host name is let through, as
 * room connectors dial SIP endpoints by name and the provider accepts one (h323Device.ts explains Zoom's
 * refusal should Zoom not take it).
 */
/** RFC 1123 host name: dot-separated labels of letters, digits and inner hyphens, at most 253 characters. */
const HOST_NAME = /^(?=.{1,253}$)[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?(\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$/;

const deviceBody = z.object({
  name: z.string().min(1).max(64),
  protocol: z.enum(["H.323", "SIP"]),
  ip: z.string().refine((value) => isIP(value) !== 0 || HOST_NAME.test(value)),
  encryption: z.enum(["auto", "yes", "no"]),
});

/** Per-account storage: devices in creation order, names unique. */
function devices(account: AccountState): UniqueTable<H323Device> {
  return account.store("h323", () => new UniqueTable<H323Device>((device) => device.name));
}

/** Spec, create and update: 404 "Error Code: 2020 H.323 device's display name {displayName} is already in use." */
function nameInUse(name: string): ZoomHttpError {
  return new ZoomHttpError(404, 2020, `H.323 device's display name ${name} is already in use.`);
}

/**
 * The spec lists a bare 404 "Not Found" (no Zoom code) for an unknown device on update and delete. We answer
 * it with code 404 so clients that key on `code` see a not-found rather than a name clash.
 */
function deviceNotFound(deviceId: string): ZoomHttpError {
  return new ZoomHttpError(404, 404, `H.323 device does not exist: ${deviceId}.`);
}

function insertDevice(store: UniqueTable<H323Device>, device: H323Device): void {
  if (store.holder(device.name) !== undefined) throw nameInUse(device.name);
  store.put(device);
}

function createDevice(account: AccountState, body: unknown, ctx: EmulatorContext): H323Device {
  const fields = ctx.validate(deviceBody, body);
  const device: H323Device = { id: ctx.ids.string(), ...fields };
  insertDevice(devices(account), device);
  return device;
}

const deviceList: Handler = (req, ctx) => {
  const items = devices(req.account).rows().map((device) => ({ ...device }));
  return { status: 200, body: ctx.paginate(items, req.query, "devices", { pageNumbers: true }) };
};

const deviceCreate: Handler = (req, ctx) => ({ status: 201, body: { ...createDevice(req.account, req.body, ctx) } });

/** The spec's success answer for delete is a 200 without a body (not the usual 204). */
const deviceDelete = deleteRowHandler(devices, "deviceId", deviceNotFound, 200);

const deviceUpdate: Handler = (req, ctx) => {
  const store = devices(req.account);
  const deviceId = req.pathParams.deviceId;
  if (!store.get(deviceId)) throw deviceNotFound(deviceId);
  const fields = ctx.validate(deviceBody, req.body);
  const holder = store.holder(fields.name);
  if (holder !== undefined && holder !== deviceId) throw nameInUse(fields.name);
  store.put({ id: deviceId, ...fields });
  return { status: 204 };
};

export const h323Routes: RouteModule = {
  name: "h323",
  handlers: { deviceList, deviceCreate, deviceUpdate, deviceDelete },
  seed: {
    /** Items are create bodies (`{name, protocol, ip, encryption}`); answers the created devices with ids. */
    h323Devices: (account, items, ctx) => items.map((item) => createDevice(account, item, ctx)),
  },
};
