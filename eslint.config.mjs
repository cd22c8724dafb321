import tseslint from "typescript-eslint";

/**
 * The layers' boundaries (issue 18, item 4). An import that leaves its folder for a top-level folder is written
 * `../` (once or more) then the folder's name, so a pattern on that prefix names the folder a file reaches into.
 * tests/lint/boundaries.test.ts proves each rule reports a violating import.
 */
const reachesInto = (folders) => `^(\\.\\./)+(${folders.join("|")})(/|$)`;

/** provider/, schema/ and catalogue/ are what users install: none of them may need the test or demo code. */
const PRODUCT_NEVER_IMPORTS = ["tests", "bench", "examples", "harness", "emulator"];
const productMessage =
  "provider/, schema/ and catalogue/ never import tests/, bench/, examples/, harness/ or emulator/ (the emulator shares only catalogue/ with the provider).";
const selfEmulator = { regex: "^pulumi-zoom/emulator", message: productMessage };

/**
 * The emulator is an independent check of the provider (emulator/README.md): it may import catalogue/ (Zoom's
 * API as documented), itself, node: and zod, and nothing else.
 */
const emulatorMessage = "emulator/ imports only catalogue/, its own modules, node: built-ins and zod.";

const boundary = (files, patterns) => ({ files, rules: { "no-restricted-imports": ["error", { patterns }] } });

export default tseslint.config(
  { ignores: ["dist/**", "node_modules/**", "coverage/**", "**/*.js", "**/*.mjs"] },
  ...tseslint.configs.recommended,
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/no-explicit-any": "error",
      "no-console": "off",
      eqeqeq: ["error", "smart"],
    },
  },
  boundary(
    ["provider/**/*.ts", "schema/**/*.ts", "catalogue/**/*.ts"],
    [{ regex: reachesInto(PRODUCT_NEVER_IMPORTS), message: productMessage }, selfEmulator],
  ),
  // schema/ is the layer below the provider (the one source of truth for what a declaration may say): the provider
  // imports it, never the other way. schema/generate.ts, the script that writes the generated files, is a tool.
  {
    files: ["schema/**/*.ts"],
    ignores: ["schema/generate.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { regex: reachesInto([...PRODUCT_NEVER_IMPORTS, "provider"]), message: "schema/ imports only catalogue/, its own modules, node: built-ins and zod: the provider builds on it." },
            selfEmulator,
          ],
        },
      ],
    },
  },
  // `pulumi-zoom emulator` (the CLI command that runs the emulator for users) starts it: this one module may import
  // the emulator's public entry point, emulator/index.ts, and nothing deeper.
  boundary(
    ["provider/cli/commands/emulator.ts"],
    [
      { regex: reachesInto(PRODUCT_NEVER_IMPORTS.filter((folder) => folder !== "emulator")), message: productMessage },
      { regex: "^(\\.\\./)+emulator/", message: "The CLI may import the emulator's entry point (emulator/index.ts) only." },
      selfEmulator,
    ],
  ),
  boundary(
    ["emulator/**/*.ts"],
    [
      { regex: reachesInto(["provider", "schema", "harness", "tests", "bench", "examples", "scripts"]), message: emulatorMessage },
      { regex: "^(?!node:|zod$|\\.)", message: emulatorMessage },
    ],
  ),
  boundary(
    ["bench/**/*.ts", "examples/**/*.ts"],
    [{ regex: reachesInto(["tests"]), message: "bench/ and examples/ never import tests/." }],
  ),
  // The per-kind fixtures are shared by the tests, the chaos run and the benchmarks: they may use the product,
  // the emulator's types and the harness, never the tests or the benchmarks themselves.
  boundary(
    ["fixtures/**/*.ts"],
    [{ regex: reachesInto(["tests", "bench", "examples"]), message: "fixtures/ never import tests/, bench/ or examples/." }],
  ),
);
