// Reads a secret for a CLI without ever echoing it: from standard input when it is not a
// terminal (`printf '%s' "$PW" | pnpm admin:create-operator …`), else from a prompt whose
// keystrokes are not written back to the terminal.
import { createInterface } from "node:readline/promises";
import { Writable } from "node:stream";

export async function readSecret(prompt: string): Promise<string> {
  if (!process.stdin.isTTY) {
    let text = "";
    for await (const chunk of process.stdin) text += String(chunk);
    return text.replace(/\r?\n$/, "");
  }
  let isMuted = false;
  const output = new Writable({
    write(chunk, _encoding, done) {
      if (!isMuted) process.stderr.write(chunk as Buffer);
      done();
    },
  });
  const rl = createInterface({ input: process.stdin, output, terminal: true });
  try {
    const answer = rl.question(prompt);
    isMuted = true;
    const secret = await answer;
    process.stderr.write("\n");
    return secret;
  } finally {
    rl.close();
  }
}
