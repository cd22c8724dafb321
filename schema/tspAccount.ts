/**
 * zoom:TspAccount inputs: the body of Zoom's `POST /users/{userId}/tsp`, in camelCase, with Zoom's documented
 * constraints, plus the scope (`userId`, `accountId`).
 */
import { z } from "zod";
import { accountId, userId } from "./common";

/** Zoom's wording for both codes: "numeric value, length is less than 16". */
const numericCode = (what: string) =>
  z.string().regex(/^\d{1,15}$/, { error: `${what}: 1 to 15 digits` });

const dialInNumberSchema = z
  .strictObject({
    code: z.string().max(6).optional().describe("Country code, e.g. `1` (at most 6 characters)."),
    countryLabel: z
      .string()
      .max(10)
      .optional()
      .describe("Country label shown in place of the code, e.g. `US` (at most 10 characters)."),
    number: z.string().min(1).max(15).optional().describe("The dial-in number, e.g. `+1 1000200200` (1 to 15 characters)."),
    type: z
      .enum(["toll", "tollfree", "media_link"])
      .optional()
      .describe("`toll`, `tollfree`, or `media_link` (a media link phone number, used for PSTN integration instead of a paid bridge number)."),
  })
  .describe("One dial-in number of the TSP account.");

export const tspAccountSchema = z
  .strictObject({
    conferenceCode: numericCode("conferenceCode").describe("The conference code: digits only, at most 15."),
    leaderPin: numericCode("leaderPin").describe("The leader PIN (secret): digits only, at most 15."),
    tspBridge: z
      .enum(["US_TSP_TB", "EU_TSP_TB"])
      .optional()
      .describe("The telephony bridge: `US_TSP_TB` or `EU_TSP_TB`."),
    dialInNumbers: z
      .array(dialInNumberSchema)
      .optional()
      .describe(
        "Dial-in numbers, in the order participants see them. Zoom keeps the list as given, so order matters: reordering is an update. Omit to leave Zoom's list alone.",
      ),
    userId,
    accountId,
  })
  .describe(
    "A user's TSP (Telephony Service Provider) account: the conference code, leader PIN and dial-in numbers of a third-party audio bridge. Zoom allows at most two per user, requires TSP to be enabled on the account, and refuses to delete a user's last one.",
  );

export type TspAccountArgs = z.input<typeof tspAccountSchema>;
export type TspAccountInputs = z.output<typeof tspAccountSchema>;
export type DialInNumber = z.output<typeof dialInNumberSchema>;
