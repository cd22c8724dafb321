/**
 * The engine floor: the fleet's registrations with a dynamic provider that does nothing (no HTTP, no validation),
 * through the same harness and host. Its time is what Pulumi's machinery costs per resource (the SDK, closure
 * serialization, gRPC, the host), which no provider can go below; the provider's own overhead is what the real
 * run takes beyond it.
 */
import * as pulumi from "@pulumi/pulumi";

/** Captures nothing, so the SDK serializes it into a self-contained `__provider` the host can load. */
const nullProvider: pulumi.dynamic.ResourceProvider = {
  async check(_olds: Record<string, unknown>, news: Record<string, unknown>) {
    return { inputs: news };
  },
  async create(inputs: Record<string, unknown>) {
    return { id: globalThis.crypto.randomUUID(), outs: inputs };
  },
  async read(id: string, props: Record<string, unknown>) {
    return { id, props };
  },
  async delete() {
    return;
  },
};

export class NullResource extends pulumi.dynamic.Resource {
  constructor(name: string, props: Record<string, unknown>) {
    super(nullProvider, name, props, undefined, "bench", "Null");
  }
}
