/** The subcommand is wired into `pulumi-zoom` with its options. */
import { buildProgram } from "../../provider/cli/main";

test("pulumi-zoom drift --help lists the options", () => {
  const drift = buildProgram().commands.find((command) => command.name() === "drift");
  expect(drift).toBeDefined();
  const flags = drift!.options.map((option) => option.long);
  expect(flags).toEqual(expect.arrayContaining(["--json", "--markdown", "--ignore", "--stack-config", "--api-url", "--oauth-url", "--plan"]));
  expect(drift!.helpInformation()).toContain("[state]");
});
