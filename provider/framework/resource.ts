/**
 * The base of the exported resource classes (`Meeting`, `TrackingField`, ...): a `pulumi.dynamic.Resource`
 * with module `zoom`, so type tokens read `pulumi-nodejs:dynamic/zoom:Meeting`, whose provider is the tiny
 * stub from stub.ts.
 */
import type * as pulumi from "@pulumi/pulumi";
import { lazyDynamicResource, pulumiSdk } from "./lazyPulumi";
import type { PropertySpec, ResourceDefinition } from "./definition";
import { NAME_KEY } from "./stateKeys";
import { providerStub } from "./stub";

/**
 * A declaration's value type with every level accepting Pulumi inputs (outputs of other resources): what a
 * resource class's constructor takes. Not the properties the provider gets (state.ts `UserProps`, plain values)
 * nor the parsed declaration (definition.ts `DeclarationOf`).
 */
export type DeepInput<T> = T extends readonly (infer E)[]
  ? pulumi.Input<readonly pulumi.Input<DeepInput<E>>[]>
  : T extends object
    ? { [K in keyof T]: pulumi.Input<DeepInput<T[K]>> }
    : pulumi.Input<T>;

/**
 * Inputs the framework adds to every resource (adoption.ts). `adoptId` names an existing Zoom object, by the
 * Pulumi id the resource would give it, for the first `up` to adopt instead of creating: Pulumi's own `import`
 * option cannot adopt a dynamic resource (its ImportStep reads with the id alone, and the dynamic-provider host
 * then has no provider code to run).
 */
export interface AdoptionArgs {
  /**
   * Adopt this existing object (`[<accountId>/]<zoomId>`, or with `<userId>/` where the kind has one) instead of
   * creating one: the first `up` reads it, fails if it does not exist, and sends only the declared differences.
   * Afterwards it only records where the object came from: changing or removing it is a state-only update.
   */
  readonly adoptId?: pulumi.Input<string>;
}

/** A resource's constructor arguments: its declaration plus the framework's inputs. */
export type ResourceArgs<T> = DeepInput<T> & AdoptionArgs;

/** What a resource class needs to know at construction: no schemas, no client, nothing heavy. */
export interface ResourceShape {
  readonly kind: string;
  /** Output names to expose as `Output` properties on the resource object. */
  readonly outputNames: readonly string[];
  /** Inputs to wrap as Pulumi secrets. */
  readonly secretInputs: readonly string[];
  /** Outputs Pulumi must store encrypted. */
  readonly secretOutputs: readonly string[];
}

/** The class-facing facts of a definition: output names and which properties are secret. */
export function shapeOf(definition: ResourceDefinition): ResourceShape {
  const properties = Object.entries(definition.properties as Record<string, PropertySpec>);
  const outputs = Object.entries(definition.outputs);
  const secretInputs = properties.filter(([, spec]) => spec.secret).map(([key]) => key);
  return {
    kind: definition.kind,
    outputNames: [...properties.map(([key]) => key), ...outputs.map(([key]) => key)],
    secretInputs,
    secretOutputs: [...secretInputs, ...outputs.filter(([, spec]) => spec.secret).map(([key]) => key)],
  };
}

/**
 * One stub object per kind. The SDK caches a provider's serialized closure per provider OBJECT (a WeakMap), so
 * a fresh stub per resource made it serialize the same closure for every resource: ~60 ms of CPU each in the
 * program, 8 s of a 100-object `up` (bench). Shared, it is serialized once per kind.
 */
const stubs = new Map<string, pulumi.dynamic.ResourceProvider>();

function stubOf(kind: string): pulumi.dynamic.ResourceProvider {
  let stub = stubs.get(kind);
  if (!stub) {
    stub = providerStub(kind);
    stubs.set(kind, stub);
  }
  return stub;
}

// The SDK loads when the first resource is constructed: `pulumi-zoom drift` and `import` never need it.
export abstract class ZoomResource extends lazyDynamicResource() {
  protected constructor(
    shape: ResourceShape,
    name: string,
    args: object | undefined,
    opts: pulumi.CustomResourceOptions | undefined,
  ) {
    if (opts?.import !== undefined) {
      // Pulumi's engine imports by calling Read with the id alone (ImportStep in pkg/resource/deploy/step.go), and
      // the dynamic-provider host cannot load a provider it was not sent: the up would fail inside the host with
      // "code must be a string". Say what works instead, before anything is registered.
      throw new Error(
        `zoom:${shape.kind} "${name}": Pulumi's import option cannot adopt a dynamic resource (the engine's import reads with the id alone); declare adoptId: ${JSON.stringify(String(opts.import))} instead, which reads the existing object on the first up and never creates one`,
      );
    }
    const props: Record<string, unknown> = {};
    // Outputs must be present (as undefined) for Pulumi to expose them as properties of the resource.
    for (const output of shape.outputNames) props[output] = undefined;
    for (const [key, value] of Object.entries(args ?? {})) {
      props[key] = shape.secretInputs.includes(key) && value !== undefined ? pulumiSdk().secret(value) : value;
    }
    // The logical name, for error messages (`creating zoom:Meeting "standup"`). Not `__name`: Pulumi's
    // Resource keeps its own property of that name.
    props[NAME_KEY] = name;
    const secretOutputs = [...shape.secretOutputs, ...(opts?.additionalSecretOutputs ?? [])];
    // The SDK gives each of a resource's promises (four per property) a captured stack trace, which it prints
    // only in its promise-leak report under PULUMI_DEBUG_PROMISE_LEAKS. Capturing and formatting them was a
    // third of a large program's CPU and delayed the first request of a 1,000-object `up` by 2 s (bench). So
    // none are captured during the SDK's constructor unless that report is wanted. The source position and call
    // stack sent to the engine are unaffected: the SDK lifts the limit itself to read them.
    const stackTraceLimit = Error.stackTraceLimit;
    if (!process.env.PULUMI_DEBUG_PROMISE_LEAKS) Error.stackTraceLimit = 0;
    try {
      super(stubOf(shape.kind), name, props, { ...opts, additionalSecretOutputs: secretOutputs }, "zoom", shape.kind);
    } finally {
      Error.stackTraceLimit = stackTraceLimit;
    }
  }
}

