/**
 * The H.323/SIP room systems example as YAML. Credentials come from `zoom:*` stack config or `ZOOM_*` variables.
 */
import * as path from "path";
import { ZoomStack } from "pulumi-zoom";

const rooms = new ZoomStack("rooms", { file: path.join(__dirname, "zoom.yaml") });

export const deviceIds = {
  boardroom: rooms.h323Devices.boardroom.deviceId,
  lab: rooms.h323Devices.lab.deviceId,
};
