/**
 * zoom:H323Device inputs: Zoom's "H.323/SIP device object" (`POST /h323/devices`), in camelCase, plus the
 * account scope.
 */
import { isIP } from "node:net";
import { z } from "zod";
import { accountId } from "./common";

/** RFC 1123 host name label: letters, digits and inner hyphens, 1 to 63 characters. */
const LABEL = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?$/;

/**
 * A host name a room connector can dial: dot-separated RFC 1123 labels, at most 253 characters, with a
 * trailing dot allowed. The last label must not be all digits, so a mistyped IPv4 address (`192.0.2.300`)
 * is reported as one rather than accepted as a name.
 */
export function isHostName(value: string): boolean {
  const name = value.endsWith(".") ? value.slice(0, -1) : value;
  if (name.length === 0 || name.length > 253) return false;
  const labels = name.split(".");
  return labels.every((label) => LABEL.test(label)) && !/^\d+$/.test(labels[labels.length - 1]!);
}

/** What Zoom's `ip` field takes: an IPv4 or IPv6 address, or a host name. */
export function isDeviceAddress(value: string): boolean {
  return isIP(value) !== 0 || isHostName(value);
}

export const h323DeviceSchema = z
  .strictObject({
    name: z
      .string()
      .min(1, { error: "must not be empty" })
      .max(64, { error: "at most 64 characters" })
      .describe("The device's display name (at most 64 characters). Unique in the account: Zoom refuses a second device with the same name."),
    ip: z
      .string()
      .refine(isDeviceAddress, {
        error: "expected an IPv4 address (192.0.2.10), an IPv6 address (2001:db8::10) or a host name (room.example.com)",
      })
      .describe("Where the room connector reaches the device: an IPv4 or IPv6 address, or a host name."),
    protocol: z.enum(["H.323", "SIP"]).describe("The device's protocol: `H.323` or `SIP`."),
    encryption: z
      .enum(["auto", "yes", "no"])
      .describe("Media encryption with the device: `auto` (encrypt when the device supports it), `yes` or `no`."),
    accountId,
  })
  .describe("An H.323 or SIP room system that Zoom's room connector can call, or be called from, to join meetings.");

export type H323DeviceArgs = z.input<typeof h323DeviceSchema>;
export type H323DeviceInputs = z.output<typeof h323DeviceSchema>;
