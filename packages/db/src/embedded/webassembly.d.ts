// Node has WebAssembly, but without the DOM lib (not ours: this is server code)
// @types/node 20 declares none of it. The part start-embedded.ts uses.
declare namespace WebAssembly {
  interface Module {}
  function compile(bytes: Uint8Array): Promise<Module>;
}
