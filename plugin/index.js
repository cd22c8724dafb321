// Pulumi runs this folder as the zoom resource plugin (PulumiPlugin.yaml, runtime: nodejs): start the plugin
// built into the pulumi-zoom package this folder ships in. Its dependencies resolve from that package.
require("../dist/provider/plugin/main.js");
