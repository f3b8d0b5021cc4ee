// ws-relay.js: the "minimal Node `ws` relay" that Switchboard's DropSilk figures are compared against.
//
// A deliberately small, idiomatic subset of the DropSilk classic protocol (PROTOCOLS.md §1), just enough for
// `switchboard bench --dialect dropsilk` (relay and join scenarios): `registered {id}` on connect,
// `create-flight` -> `flight-created {flightCode}`, `join-flight {flightCode}` -> `peer-joined` to both members
// (joiner first), `signal {data}` -> `{type:"signal",data}` to the partner, and on close (or `leave-flight`)
// `peer-left` to the partner. `leave-flight` is not DropSilk (§1.4 has no leave message; Switchboard answers it
// with `Unknown message type`); the bench never sends it. No names, no user-list fan-out, no origin check, no
// pings, no rate limits.
//
// Usage: node ws-relay.js [port]   (or PORT=18281 node ws-relay.js; default 18281)
'use strict';

const crypto = require('node:crypto');
const { WebSocketServer, WebSocket } = require('ws');

const port = Number(process.argv[2] || process.env.PORT || 18281);
const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789'; // DropSilk HEAD's alphabet (§1.3)

const flights = new Map(); // flightCode -> { code, members: [ws, ...] } (at most 2 members)

function send(ws, message) {
  if (ws.readyState === WebSocket.OPEN) ws.send(JSON.stringify(message));
}

function newFlightCode() {
  let code;
  do {
    code = '';
    for (let i = 0; i < 6; i++) code += CODE_ALPHABET[crypto.randomInt(CODE_ALPHABET.length)];
  } while (flights.has(code));
  return code;
}

// Like DropSilk, the remaining member keeps the flight, and a third client may join it.
function leave(ws) {
  const flight = ws.flight;
  if (!flight) return;
  ws.flight = null;
  flight.members = flight.members.filter((m) => m !== ws);
  if (flight.members.length === 0) flights.delete(flight.code);
  for (const m of flight.members) send(m, { type: 'peer-left' });
}

const handlers = {
  'create-flight'(ws) {
    if (ws.flight) return send(ws, { type: 'error', message: 'Already in a flight' });
    ws.flight = { code: newFlightCode(), members: [ws] };
    flights.set(ws.flight.code, ws.flight);
    send(ws, { type: 'flight-created', flightCode: ws.flight.code });
  },
  'join-flight'(ws, msg) {
    if (typeof msg.flightCode !== 'string' || msg.flightCode.length !== 6) {
      return send(ws, { type: 'error', message: 'Invalid flight code' });
    }
    if (ws.flight) return send(ws, { type: 'error', message: 'Already in a flight' });
    const flight = flights.get(msg.flightCode);
    if (!flight || flight.members.length >= 2) return send(ws, { type: 'error', message: 'Flight not found or full' });
    const [creator] = flight.members;
    flight.members.push(ws);
    ws.flight = flight;
    const joined = (peer) => ({ type: 'peer-joined', flightCode: flight.code, peer: { id: peer.id, name: 'Anonymous' }, connectionType: 'wan' });
    send(ws, joined(creator)); // joiner first, as DropSilk does
    send(creator, joined(ws));
  },
  signal(ws, msg) {
    if (!ws.flight) return; // not in a flight: dropped silently, as DropSilk does
    for (const m of ws.flight.members) if (m !== ws) send(m, { type: 'signal', data: msg.data });
  },
  'leave-flight'(ws) {
    leave(ws);
  },
};

const wss = new WebSocketServer({ port, perMessageDeflate: false, maxPayload: 1024 * 1024 });

wss.on('connection', (ws) => {
  ws.id = crypto.randomBytes(5).toString('hex');
  ws.flight = null;
  send(ws, { type: 'registered', id: ws.id });

  ws.on('message', (raw) => {
    let msg;
    try {
      msg = JSON.parse(raw.toString());
    } catch {
      msg = null;
    }
    if (msg === null || typeof msg !== 'object') return send(ws, { type: 'error', message: 'Invalid message format' });
    const handler = Object.hasOwn(handlers, msg.type) ? handlers[msg.type] : null;
    if (!handler) return send(ws, { type: 'error', message: 'Unknown message type' });
    handler(ws, msg);
  });
  ws.on('close', () => leave(ws));
  ws.on('error', () => {}); // 'close' follows
});

wss.on('listening', () => console.error(`ws-relay (DropSilk subset) listening on ws://0.0.0.0:${port}/ (pid ${process.pid})`));
