/**
 * The SIP trunk and internal numbers example as YAML. The sub-account's and the trunk's names and the DNIS
 * are stack config values the file reads with `${config.<key>}` (the ids are looked up: `lookups:`); credentials come from `zoom:*` stack config or `ZOOM_*`
 * variables.
 */
import * as path from "path";
import { ZoomStack } from "pulumi-zoom";

const sip = new ZoomStack("sip", { file: path.join(__dirname, "zoom.yaml") });

export const trunkName = sip.sipTrunks.subAccountTrunk.name;
export const sipServerAddress = sip.sipTrunks.subAccountTrunk.sipServerAddress;
export const numberIds = {
  localDialIn: sip.internalNumbers.localDialIn.numberId,
  helpDesk: sip.internalNumbers.helpDesk.numberId,
};
