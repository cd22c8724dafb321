import { z } from "zod";
import { accountId } from "./common";

export const trackingFieldSchema = z
  .strictObject({
    field: z
      .string()
      .min(1)
      .describe("The tracking field's label. Unique in the account: Zoom refuses a second field with the same label."),
    recommendedValues: z
      .array(z.string().min(1))
      .optional()
      .describe("Values offered to meeting schedulers. Order does not matter."),
    required: z.boolean().optional().describe("Whether schedulers must fill the field in."),
    visible: z.boolean().optional().describe("Whether the field is shown to schedulers."),
    accountId,
  })
  .describe("A meeting tracking field: a label (with optional recommended values) that meetings can be tagged with.");

export type TrackingFieldArgs = z.input<typeof trackingFieldSchema>;
export type TrackingFieldInputs = z.output<typeof trackingFieldSchema>;
