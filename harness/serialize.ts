/** Serialising a dynamic provider exactly as `pulumi.dynamic.Resource` does, for driving the host directly. */
import * as pulumi from "@pulumi/pulumi";

/**
 * Returns the `__provider` string `new pulumi.dynamic.Resource(provider, ...)` would put into the inputs.
 * Same call as @pulumi/pulumi/dynamic: `serializeFunction(() => provider, { allowSecrets: true })`.
 */
export async function serializeProvider(provider: pulumi.dynamic.ResourceProvider): Promise<string> {
  const serialized = await pulumi.runtime.serializeFunction(() => provider, { allowSecrets: true });
  return serialized.text;
}
