/**
 * The native provider: `@pulumi/pulumi/provider`'s Provider interface over the framework. Each call finds the
 * kind from the URN's type (`zoom:index:Meeting`) and forwards to the very provider object the dynamic resources'
 * stubs reach (kinds.ts), so check, diff and CRUD are one implementation behind two front doors. What differs is
 * only the wire:
 *
 * - no `__provider`: the plugin's code is the installed package, never state;
 * - the logical name comes from the URN (the dynamic resources send it as an input), and is not kept as an input;
 * - secrets arrive wrapped and leave wrapped (secrets.ts), instead of being stripped by the engine;
 * - settings come from Configure (config.ts) rather than the dynamic host's `configure(req.config)`.
 */
import type * as pulumiProvider from "@pulumi/pulumi/provider";
import type { ResourceDefinition } from "../framework/definition";
import type { ZoomDiffResult } from "../framework/provider";
import { configure } from "../framework/runtime";
import { NAME_KEY } from "../framework/stateKeys";
import { parseId } from "../framework/ids";
import { shapeOf } from "../framework/resource";
import { declare } from "../importer/declaration";
import { checkConfig, configChanged, configSourceOf, type ConfigFailure } from "./config";
import { frameworkProvider, pluginDefinitions } from "./kinds";
import { packageVersion } from "./location";
import { kindOfToken, renderPulumiSchema } from "./schema";
import { conceal, reveal } from "./secrets";

type Props = Record<string, unknown>;

/** What the plugin adds to the SDK's Provider: the configuration calls its server leaves unimplemented. */
export interface ZoomPluginProvider extends pulumiProvider.Provider {
  diff(id: string, urn: string, olds: Props, news: Props): Promise<ZoomDiffResult>;
  checkConfig(news: Props): ConfigFailure[];
  diffConfig(olds: Props, news: Props): boolean;
  configure(inputs: Props): void;
}

/** The type and logical name in a URN (`urn:pulumi:<stack>::<project>::<type>::<name>`). */
function parseUrn(urn: string): { type: string; name: string } {
  const parts = urn.split("::");
  return { type: (parts[2] ?? "").split("$").pop() ?? "", name: parts.slice(3).join("::") };
}

interface Target {
  readonly definition: ResourceDefinition;
  readonly kind: string;
  readonly name: string;
  /** Properties secret by definition: secret inputs and outputs. */
  readonly secretKeys: readonly string[];
}

function targetOf(urn: string): Target {
  const { type, name } = parseUrn(urn);
  const kind = kindOfToken(type);
  const definition = pluginDefinitions().find((candidate) => candidate.kind === kind);
  if (!definition) throw new Error(`pulumi-zoom has no resource type ${type} (known: ${pluginDefinitions().map((d) => `zoom:index:${d.kind}`).join(", ")})`);
  return { definition, kind: definition.kind, name, secretKeys: shapeOf(definition).secretOutputs };
}

/** Plain properties with the logical name the framework labels its messages with. */
function named(props: Props, target: Target): Props {
  return { ...props, [NAME_KEY]: target.name };
}

function withoutName(props: Props): Props {
  const { [NAME_KEY]: _name, ...rest } = props;
  return rest;
}

/** A ResourceInitError (the object exists; state keeps it) with its properties' secrets wrapped for the engine. */
function concealInitError(error: unknown, ...secretKeys: Iterable<string>[]): unknown {
  if (!(error instanceof Error) || typeof (error as { id?: unknown }).id !== "string") return error;
  const failed = error as Error & { id: string; properties?: Props; reasons?: string[] };
  return Object.assign(new Error(failed.message), { id: failed.id, properties: conceal(failed.properties ?? {}, ...secretKeys), reasons: failed.reasons });
}

/**
 * The inputs `pulumi import` gets for an object read by id alone: the importer's declaration of its live values
 * (secrets included as secrets). Undefined where Zoom's values make no valid declaration (the importer says
 * why in `pulumi-zoom import`); the engine then writes what the read gave.
 */
async function importedInputs(target: Target, id: string, outputs: Props): Promise<Props | undefined> {
  const { definition } = target;
  const ref = parseId(definition.idParts, id, definition.kind, definition.accountIdRequired);
  const declaration = await declare({ definition, id, ref, outputs, name: target.name }, { secrets: "config", configKeyFor: (property) => property });
  if (declaration.adoption !== "import") return undefined;
  const inputs: Props = { ...declaration.properties };
  for (const secret of declaration.secrets) inputs[secret.property] = outputs[secret.property];
  return inputs;
}

export function zoomPluginProvider(): ZoomPluginProvider {
  return {
    version: packageVersion(),
    getSchema: () => Promise.resolve(renderPulumiSchema()),

    checkConfig: (news) => checkConfig(reveal(news).props),
    diffConfig: (olds, news) => configChanged(reveal(olds).props, reveal(news).props),
    configure: (inputs) => configure(configSourceOf(reveal(inputs).props)),

    async check(urn, olds: Props, news: Props) {
      const target = targetOf(urn);
      const before = reveal(olds);
      const after = reveal(news);
      const result = await frameworkProvider(target.kind).check!(named(before.props, target), named(after.props, target));
      const inputs = withoutName((result.inputs ?? after.props) as Props);
      return { inputs: conceal(inputs, target.secretKeys, after.secretKeys), failures: [...(result.failures ?? [])] };
    },

    async diff(id, urn, olds: Props, news: Props) {
      const target = targetOf(urn);
      return frameworkProvider(target.kind).diff!(id, named(reveal(olds).props, target), named(reveal(news).props, target));
    },

    async create(urn, inputs: Props) {
      const target = targetOf(urn);
      const news = reveal(inputs);
      try {
        const result = await frameworkProvider(target.kind).create(named(news.props, target));
        return { id: result.id, outs: conceal(result.outs as Props, target.secretKeys, news.secretKeys) };
      } catch (error) {
        throw concealInitError(error, target.secretKeys, news.secretKeys);
      }
    },

    async read(id, urn, props?: Props) {
      const target = targetOf(urn);
      const state = reveal(props);
      const result = await frameworkProvider(target.kind).read!(id, named(state.props, target));
      // `pulumi import` reads with the id alone and writes the program from the inputs Read answers: give it the
      // declaration of Zoom's values that the importer writes (check and diff verified), not an empty one.
      const imported = Object.keys(state.props).length === 0 && result.id ? await importedInputs(target, id, (result.props ?? {}) as Props) : undefined;
      const inputs = imported ?? (result.inputs ? withoutName(result.inputs as Props) : undefined);
      return {
        id: result.id ?? "",
        props: conceal((result.props ?? {}) as Props, target.secretKeys, state.secretKeys),
        ...(inputs ? { inputs: conceal(inputs, target.secretKeys, state.secretKeys) } : {}),
      };
    },

    async update(id, urn, olds: Props, news: Props) {
      const target = targetOf(urn);
      const after = reveal(news);
      try {
        const result = await frameworkProvider(target.kind).update!(id, named(reveal(olds).props, target), named(after.props, target));
        return { outs: conceal((result.outs ?? {}) as Props, target.secretKeys, after.secretKeys) };
      } catch (error) {
        throw concealInitError(error, target.secretKeys, after.secretKeys);
      }
    },

    async delete(id, urn, props: Props) {
      const target = targetOf(urn);
      await frameworkProvider(target.kind).delete!(id, named(reveal(props).props, target));
    },
  };
}
