'use strict';
// Runs jsii's kernel (program.js of the jsii-runtime jar, unpacked by the app's build into
// app/target/jsii-runtime/) in this one Node.js process. bin/agc-infra names it in JSII_RUNTIME, the variable the jsii
// Java runtime (software.amazon.jsii.JsiiRuntime) reads for the command of the runtime it starts, run through
// /bin/sh -c when it has spaces.
//
// Why: the runtime jsii starts by default (jsii-runtime.js) is a relay. It starts a second Node.js process for the
// kernel and copies every request and every response between its own stdin/stdout and the kernel's file descriptor 3
// through Node.js streams: one more process start (about 0.1 s), about 50 MiB, and two more hops on each of the
// thousands of synchronous calls a synth makes. Here the kernel talks to the JVM directly.
//
// How: the kernel reads and writes its requests on fd 3. bin/agc-infra starts this script with fd 3 reading the
// JVM's pipe (3<&0, stdin then closed to /dev/null), fd 4 writing the JVM's pipe (4>&1), and fd 1 on stderr (1>&2);
// the kernel's writes to fd 3 go to fd 4. What JavaScript code prints goes to stderr wrapped as the relay wraps it
// ({"stdout": base64} or {"stderr": base64} on one line), which the Java runtime unwraps onto System.out and
// System.err.
//
// Usage: node --preserve-symlinks jsii-kernel.js PROGRAM_JS 3<&0 0</dev/null 4>&1 1>&2
const fs = require('fs');

const KERNEL_FD = 3;
const RESPONSE_FD = 4;
const writeSync = fs.writeSync;

fs.writeSync = function (fd, ...rest) {
  return writeSync.call(fs, fd === KERNEL_FD ? RESPONSE_FD : fd, ...rest);
};

function writeAll(fd, buffer) {
  let offset = 0;
  while (offset < buffer.length) {
    try {
      offset += writeSync.call(fs, fd, buffer, offset);
    } catch (e) {
      if (e.code !== 'EAGAIN') {
        throw e;
      }
    }
  }
}

function wrapped(tag) {
  return function (chunk, encoding, callback) {
    if (typeof encoding === 'function') {
      callback = encoding;
      encoding = undefined;
    }
    const data = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk, encoding);
    writeAll(2, Buffer.from(JSON.stringify({ [tag]: data.toString('base64') }) + '\n'));
    if (callback) {
      callback();
    }
    return true;
  };
}

process.stdout.write = wrapped('stdout');
process.stderr.write = wrapped('stderr');

const program = process.argv[2];
if (!program) {
  writeAll(2, Buffer.from('jsii-kernel.js: usage: node --preserve-symlinks jsii-kernel.js PROGRAM_JS\n'));
  process.exit(2);
}
require(program);
