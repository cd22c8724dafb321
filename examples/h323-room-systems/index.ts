/**
 * H.323 / SIP room systems: the conference-room endpoints Zoom's room connector may call, or be called from,
 * to bring a room into a meeting.
 *
 * Credentials are not here: the provider reads them from the stack config (`zoom:*`) or `ZOOM_*` variables.
 */
import * as pulumi from "@pulumi/pulumi";
import * as zoom from "pulumi-zoom";

interface RoomSystem {
  /** Shown in Zoom; unique in the account. */
  name: string;
  /** IPv4, IPv6 or a host name. */
  ip: string;
  protocol: "H.323" | "SIP";
  encryption: "auto" | "yes" | "no";
}

const config = new pulumi.Config();
// The rooms come from the stack config when set (`pulumi config set --path 'rooms[0].name' ...`), so one
// program serves every office; these are the defaults (addresses from the documentation ranges).
const rooms = config.getObject<RoomSystem[]>("rooms") ?? [
  { name: "Boardroom (Poly G7500)", ip: "192.0.2.41", protocol: "H.323", encryption: "auto" },
  { name: "Huddle 3 (Cisco Room Kit)", ip: "room3.example.com", protocol: "SIP", encryption: "yes" },
  { name: "Lab (legacy codec)", ip: "2001:db8::52", protocol: "H.323", encryption: "no" },
];

// The logical name is derived from the display name, so reordering the list changes nothing.
const devices = rooms.map(
  (room) => new zoom.H323Device(`room-${room.name.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "")}`, room),
);

export const deviceIds = devices.map((device) => device.deviceId);
