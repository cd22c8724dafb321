/**
 * A lookup's two forms, as Pulumi's own functions have them (`aws.ec2.getVpc` / `getVpcOutput`):
 * - Promise form: plain arguments, a Promise of the result. Runs at once (in preview too). Secret fields come
 *   back as plain strings, as in Pulumi's own Promise-form functions: wrap them with `pulumi.secret()` before
 *   exporting them or passing them to anything that logs, or use the Output form.
 * - Output form: arguments may be Outputs; the result is an Output, a secret one when it carries a secret field
 *   (Pulumi marks a function's whole result secret in that case too). When an argument is unknown in preview
 *   (it comes from a resource not made yet), the result is unknown as well.
 */
import type * as pulumi from "@pulumi/pulumi";
import { pulumiSdk } from "../framework/lazyPulumi";
import type { DeepInput } from "../framework/resource";
import { lookupClient } from "./client";
import type { LookupDefinition } from "./definition";
import { hasSecrets, runLookup } from "./run";

export type PromiseForm<A, R> = (args: A) => Promise<R>;
export type OutputForm<A, R> = (args: DeepInput<A>) => pulumi.Output<R>;

export function promiseForm<A, R>(definition: LookupDefinition): PromiseForm<A, R> {
  return async (args) => (await runLookup(definition, args, lookupClient())) as R;
}

export function outputForm<A, R>(definition: LookupDefinition): OutputForm<A, R> {
  return (args) =>
    pulumiSdk().output(args as pulumi.Input<Record<string, unknown>>).apply(async (plain: unknown) => {
      const result = await runLookup(definition, plain, lookupClient());
      return (hasSecrets(definition, result) ? pulumiSdk().secret(result) : result) as pulumi.Output<R> | R;
    }) as pulumi.Output<R>;
}
