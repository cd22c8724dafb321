/**
 * TSP accounts: a user's third-party audio bridges (conference code, leader PIN, dial-in numbers). Zoom allows
 * two per user: here a primary bridge in the US and a backup in the EU.
 *
 * The leader PINs are secrets in the stack config (`pulumi config set --secret primaryLeaderPin 1234`), so they
 * are encrypted in the config file and in the state. Credentials come from `zoom:*` config or `ZOOM_*` variables.
 */
import * as pulumi from "@pulumi/pulumi";
import * as zoom from "pulumi-zoom";

const config = new pulumi.Config();
/** The user the bridges belong to (id or email); `me` is the user the credentials act as. */
const user = config.get("user") ?? "me";

// Zoom refuses to delete a user's last TSP account. So that `pulumi destroy` does not stop on it, the primary
// is left in Zoom on destroy (retainOnDelete) and deleted after the backup (the backup depends on it).
const primary = new zoom.TspAccount(
  "primary-bridge",
  {
    userId: user,
    conferenceCode: config.get("primaryConferenceCode") ?? "4155550100",
    leaderPin: config.requireSecret("primaryLeaderPin"),
    tspBridge: "US_TSP_TB",
    dialInNumbers: [
      { code: "1", countryLabel: "US", number: "+1 4155550100", type: "toll" },
      { code: "1", countryLabel: "US", number: "+1 8005550100", type: "tollfree" },
    ],
  },
  { retainOnDelete: true },
);

const backup = new zoom.TspAccount(
  "backup-bridge",
  {
    userId: user,
    conferenceCode: config.get("backupConferenceCode") ?? "4930555010",
    leaderPin: config.requireSecret("backupLeaderPin"),
    tspBridge: "EU_TSP_TB",
    dialInNumbers: [{ code: "49", countryLabel: "DE", number: "+49 305550100", type: "toll" }],
  },
  { dependsOn: [primary] },
);

export const tspIds = { primary: primary.tspId, backup: backup.tspId };
