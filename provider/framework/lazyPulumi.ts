/**
 * `@pulumi/pulumi`, loaded on first use rather than when pulumi-zoom is loaded. The SDK (with the npm, sigstore
 * and TypeScript packages it loads) takes well over a second to load on a busy machine, while `pulumi-zoom drift`
 * and `import` never construct a resource: they run the providers' code and print. Loaded eagerly, it was most
 * of their start-up (bench: drift and import at scale). A Pulumi program pays the same cost as before, at its
 * first `new zoom.Meeting(...)` instead of at `require("pulumi-zoom")`.
 */
import type * as pulumi from "@pulumi/pulumi";

type Sdk = typeof pulumi;

let sdk: Sdk | undefined;

export function pulumiSdk(): Sdk {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- deliberately lazy (see above)
  sdk ??= require("@pulumi/pulumi") as Sdk;
  return sdk;
}

/**
 * `pulumi.dynamic.Resource` as a base class that loads the SDK when a resource is first constructed (or a static
 * member of the class is read). Subclassing it is subclassing the real class: `super(...)` constructs the real
 * class with the subclass as `new.target`, and the subclasses' prototype chain reaches the real prototype (linked
 * on first use, before any instance exists). So every instance is an instance of the SDK's classes; only a
 * check on the class itself made before its first use (`Meeting.prototype instanceof pulumi.Resource`) sees the
 * chain unlinked.
 */
export function lazyDynamicResource(): Sdk["dynamic"]["Resource"] {
  const prototype: object = {};
  let linked: Sdk["dynamic"]["Resource"] | undefined;
  const real = (): Sdk["dynamic"]["Resource"] => {
    if (!linked) {
      linked = pulumiSdk().dynamic.Resource;
      Object.setPrototypeOf(prototype, linked.prototype);
    }
    return linked;
  };
  const target = function LazyDynamicResource(): void {};
  target.prototype = prototype;
  return new Proxy(target, {
    construct: (_target, args, newTarget) => Reflect.construct(real(), args, newTarget) as object,
    get: (_target, key, receiver) => (key === "prototype" ? prototype : Reflect.get(real(), key, receiver)),
  }) as unknown as Sdk["dynamic"]["Resource"];
}
