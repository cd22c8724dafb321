/**
 * `ZoomStack`: a `zoom.yaml` file as a Pulumi component. One line in a Pulumi program,
 *
 *   const org = new ZoomStack("org", { file: "zoom.yaml" });
 *   export const joinUrl = org.meetings.standup.joinUrl;
 *
 * creates every declared object as a child resource (named `<stack name>-<logical name>`, so two ZoomStacks
 * in one program cannot clash) and exposes them by logical name, typed as the resource classes. References
 * (`${meetings.standup.meetingId}`) become the referenced resource's output, so Pulumi orders the creates and
 * passes the real value; `${config.<key>}` reads the project's stack config; a meeting that names a tracking field declared in the file by its label is created
 * after that field.
 */
import * as fs from "fs";
import * as path from "path";
import * as pulumi from "@pulumi/pulumi";
import type { ZoomResource } from "../framework/resource";
import type { ManifestKind } from "../resources";
import { entryOf } from "../resources/registry";
import { outputForm } from "../lookups/functions";
import { LOOKUPS_SECTION } from "./lookups";
import { loadStackText } from "./loader";
import { addressOf, formatProblem, inDependencyOrder, type DeclaredValue, type StackModel } from "./model";
import { ConfigReference, Reference } from "./references";
import { SECTION_KEYS, type SectionKey } from "./sections";
import { didYouMean } from "./suggest";

export interface ZoomStackArgs {
  /** The `zoom.yaml` file. A relative path is read from the working directory: the Pulumi program's directory. */
  readonly file: string;
  /**
   * Existing Zoom objects to adopt instead of creating them, by address: `{ "meetings.standup": "85746065432" }`.
   * Ids have the form each resource's reference page gives (`[<accountId>/]<zoomId>` for a meeting). Each entry
   * sets that resource's `adoptId` input (not Pulumi's `import` option, which cannot adopt a dynamic resource):
   * the first `up` adopts the object; afterwards the entry only records where it came from (removing it is a
   * state-only update), so it can stay or go.
   */
  readonly imports?: Readonly<Record<string, string>>;
}

/** `stack.meetings.standup` is a `Meeting`, `stack.trackingFields.costCenter` a `TrackingField`, ... */
export type StackResources = {
  readonly [E in ManifestKind as E["yaml"]["section"]]: Readonly<Record<string, InstanceType<E["Class"]>>>;
};

type ResourceClass = new (name: string, args: object, opts?: pulumi.CustomResourceOptions) => ZoomResource;

/** The resource class of a kind. The loader checked the arguments against the kind's schema. */
function resourceClassOf(kind: string): ResourceClass {
  return entryOf(kind).Class as unknown as ResourceClass;
}

/**
 * Whether a stack config key is a secret. The SDK knows (`runtime.isConfigSecret`) but does not declare it in
 * its typings; where it is missing, the value is treated as secret, the safe side.
 */
function isSecretConfig(fullKey: string): boolean {
  const runtime = pulumi.runtime as unknown as { isConfigSecret?: (key: string) => boolean };
  return runtime.isConfigSecret ? runtime.isConfigSecret(fullKey) : true;
}

/** `${config.<key>}`: the project's stack config value; secret config stays secret. */
function configValue(reference: ConfigReference): pulumi.Input<string> {
  const config = new pulumi.Config();
  const fullKey = `${pulumi.getProject()}:${reference.key}`;
  return isSecretConfig(fullKey) ? config.requireSecret(reference.key) : config.require(reference.key);
}

/** A declared value as a Pulumi input: references become the referenced resource's output or config value. */
function toInput(value: DeclaredValue, resolve: (reference: Reference) => pulumi.Output<unknown>): pulumi.Input<unknown> {
  if (value instanceof Reference) return resolve(value);
  if (value instanceof ConfigReference) return configValue(value);
  if (Array.isArray(value)) return value.map((item) => toInput(item, resolve));
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, toInput(inner, resolve)]));
  }
  return value;
}

/** Every `${config.<key>}` of the file names a set key; else one error listing each use, file:line:col. */
function checkConfig(model: StackModel): void {
  const config = new pulumi.Config();
  const unset = model.configUses.filter(({ key }) => {
    const secret = isSecretConfig(`${pulumi.getProject()}:${key}`);
    return (secret ? config.getSecret(key) : config.get(key)) === undefined;
  });
  if (unset.length === 0) return;
  const lines = unset.map((use) => `  ${formatProblem({ file: model.file, line: use.line, col: use.col, path: use.path, reason: `\${config.${use.key}} is not set: pulumi config set ${use.key} <value> (add --secret for a secret)` })}`);
  throw new Error(`${model.file} uses stack config that is not set (nothing was registered):\n${lines.join("\n")}`);
}

function checkImports(model: StackModel, imports: Readonly<Record<string, string>>): void {
  const addresses = model.objects.map(addressOf);
  const unknown = Object.keys(imports).filter((address) => !addresses.includes(address));
  if (unknown.length > 0) {
    throw new Error(
      `ZoomStack imports name objects that ${model.file} does not declare: ${unknown.map((a) => `"${a}"${didYouMean(a, addresses)}`).join(", ")}`,
    );
  }
}

/**
 * One field per section (`meetings`, `trackingFields`, ...), typed from the manifest: a class cannot declare
 * mapped fields, so they are declared here and set by the constructor.
 */
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging, @typescript-eslint/no-empty-object-type
export interface ZoomStack extends StackResources {}

// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging -- the section fields above
export class ZoomStack extends pulumi.ComponentResource {
  /** Every created resource by address (`meetings.standup`). */
  readonly resources: Readonly<Record<string, ZoomResource>>;
  /** The results of the file's `lookups:`, by name (secret Outputs when they carry secrets). */
  readonly lookups: Readonly<Record<string, pulumi.Output<Record<string, unknown>>>>;

  constructor(name: string, args: ZoomStackArgs, opts?: pulumi.ComponentResourceOptions) {
    super("zoom:index:ZoomStack", name, {}, opts);
    const loaded = loadStackText(fs.readFileSync(path.resolve(args.file), "utf8"), args.file);
    if (!loaded.ok) {
      const problems = loaded.problems.map((problem) => `  ${formatProblem(problem)}`);
      throw new Error(`${args.file} is not a valid pulumi-zoom file:\n${problems.join("\n")}`);
    }
    const model = loaded.model;
    const imports = args.imports ?? {};
    checkImports(model, imports);
    // Every config value first: an unset key found while registering would fail after the objects before it
    // were registered (and, in an up, created).
    checkConfig(model);

    // Lookups first: their arguments are literals and config; objects reference their results.
    const noObjects = (reference: Reference): pulumi.Output<unknown> => {
      throw new Error(`${reference.text}: a lookup's arguments cannot reference objects (the loader refuses this)`);
    };
    const lookupResults = new Map<string, pulumi.Output<Record<string, unknown>>>();
    for (const lookup of model.lookups ?? []) {
      const lookupArgs = toInput(lookup.arguments, noObjects) as Record<string, pulumi.Input<unknown>>;
      lookupResults.set(lookup.name, outputForm<Record<string, unknown>, Record<string, unknown>>(lookup.definition)(lookupArgs));
    }

    const created = new Map<string, ZoomResource>();
    const resolve = (reference: Reference): pulumi.Output<unknown> => {
      if (reference.section === LOOKUPS_SECTION) {
        const result = lookupResults.get(reference.name);
        if (!result) throw new Error(`${reference.text}: no such lookup`);
        return result.apply((value) => value[reference.property]);
      }
      const target = created.get(reference.target);
      const output = (target as unknown as Record<string, unknown> | undefined)?.[reference.property];
      // The loader checked both; reaching this means the loader and the classes disagree.
      if (!pulumi.Output.isInstance(output)) throw new Error(`${reference.text}: no such output on ${reference.target}`);
      return output;
    };
    for (const object of inDependencyOrder(model.objects)) {
      const address = addressOf(object);
      const ResourceOf = resourceClassOf(object.kind);
      const inputs = toInput(object.properties, resolve) as Record<string, pulumi.Input<unknown>>;
      if (imports[address] !== undefined) inputs.adoptId = imports[address];
      const dependsOn = object.dependsOn.map((needed) => created.get(needed)).filter((r): r is ZoomResource => r !== undefined);
      const childOptions: pulumi.CustomResourceOptions = { parent: this };
      if (dependsOn.length > 0) childOptions.dependsOn = dependsOn;
      created.set(address, new ResourceOf(`${name}-${object.name}`, inputs, childOptions));
    }

    const sections = Object.fromEntries(SECTION_KEYS.map((key) => [key, {} as Record<string, ZoomResource>])) as Record<
      SectionKey,
      Record<string, ZoomResource>
    >;
    for (const object of model.objects) sections[object.section][object.name] = created.get(addressOf(object))!;
    // The classes were looked up by kind at run time; the manifest pairs each section with its kind's class.
    Object.assign(this, sections);
    this.resources = Object.fromEntries(created);
    this.lookups = Object.fromEntries(lookupResults);
    this.registerOutputs({});
  }
}
