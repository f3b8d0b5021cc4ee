// socketio-relay.js: the "minimal Node `socket.io` relay" that Switchboard's PrivyDrop figures are compared against.
//
// A deliberately small, idiomatic subset of the PrivyDrop backend (PROTOCOLS.md §2), just enough for
// `switchboard bench --dialect privydrop` (relay and join scenarios), with Socket.IO 4 at its default options
// (polling and websocket, pingInterval 25 s, 1 MB messages) and rooms in memory instead of Redis:
//   GET  /api/get_room              -> 200 {roomId} (the room is created)
//   POST /api/leave_room {roomId, socketId} -> `peer-disconnected {peerId}` to the room, the socket leaves it
//   join {roomId}                   -> `joinResponse {success, message, roomId}`, `ready {peerId}` to the others
//   offer/answer/ice-candidate {peerId, ...} -> to socket `peerId`, with `from` and `peerId` = the sender's id
//   disconnect                      -> `peer-disconnected {peerId}` to the others in its room
// Not here: CORS, the join rate limit, initiator-online/recipient-ready, create_room/check_room, health routes.
// An emptied room lives 15 minutes more, as in the original (there a Redis TTL), so it can be joined again.
//
// Usage: node socketio-relay.js [port]   (or PORT=18282 node socketio-relay.js; default 18282)
'use strict';

const crypto = require('node:crypto');
const http = require('node:http');
const { Server } = require('socket.io');

const port = Number(process.argv[2] || process.env.PORT || 18282);
const rooms = new Set(); // ids of the rooms that exist
const EMPTY_ROOM_GRACE_MS = 15 * 60 * 1000;

// Like PrivyDrop: 4 random digits, retried while taken; then a longer random id.
function newRoomId() {
  for (let i = 0; i < 10; i++) {
    const id = String(crypto.randomInt(10000)).padStart(4, '0');
    if (!rooms.has(id)) return id;
  }
  return crypto.randomBytes(6).toString('base64url');
}

function reply(res, status, body) {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(text) });
  res.end(text);
}

function api(req, res) {
  if (req.method === 'GET' && req.url === '/api/get_room') {
    const roomId = newRoomId();
    rooms.add(roomId);
    return reply(res, 200, { roomId });
  }
  if (req.method === 'POST' && req.url === '/api/leave_room') {
    let body = '';
    req.setEncoding('utf8').on('data', (chunk) => (body += chunk));
    return req.on('end', () => {
      let roomId, socketId;
      try {
        ({ roomId, socketId } = JSON.parse(body));
      } catch {}
      if (typeof roomId !== 'string' || typeof socketId !== 'string') {
        return reply(res, 400, { error: 'Room ID and Socket ID are required' });
      }
      if (!rooms.has(roomId)) return reply(res, 200, { success: true, message: 'Room does not exist.' });
      io.to(roomId).emit('peer-disconnected', { peerId: socketId });
      const socket = io.sockets.sockets.get(socketId);
      if (socket && socket.data.roomId === roomId) unbind(socket);
      reply(res, 200, { success: true, message: 'Successfully left the room' });
    });
  }
  reply(res, 404, { error: 'Not found' });
}

const httpServer = http.createServer(api);
const io = new Server(httpServer);

// The bench's java.net.http client asks to upgrade its GET /api/get_room to h2c. Node hands every request with an
// Upgrade header to the 'upgrade' listeners only, and engine.io closes those not for /socket.io/ without a reply,
// so answer them here as plain HTTP/1.1 (declining the upgrade). Bodies are not read on this path: GET only.
httpServer.on('upgrade', (req, socket) => {
  if (req.url.startsWith('/socket.io/') || req.method !== 'GET') return;
  const res = new http.ServerResponse(req);
  res.shouldKeepAlive = false;
  res.assignSocket(socket);
  res.on('finish', () => socket.end());
  api(req, res);
});

function unbind(socket) {
  const roomId = socket.data.roomId;
  socket.data.roomId = undefined;
  socket.leave(roomId);
  if (!io.sockets.adapter.rooms.has(roomId)) {
    setTimeout(() => {
      if (!io.sockets.adapter.rooms.has(roomId)) rooms.delete(roomId);
    }, EMPTY_ROOM_GRACE_MS).unref();
  }
}

io.on('connection', (socket) => {
  socket.on('join', (data) => {
    const roomId = data && data.roomId;
    if (typeof roomId !== 'string') return socket.emit('joinResponse', { success: false, message: 'Invalid roomId' });
    if (socket.data.roomId && socket.data.roomId !== roomId) {
      return socket.emit('joinResponse', { success: false, message: 'Socket is already bound to another room', roomId });
    }
    if (!rooms.has(roomId)) return socket.emit('joinResponse', { success: false, message: 'Room does not exist', roomId });
    socket.join(roomId);
    socket.data.roomId = roomId;
    socket.emit('joinResponse', { success: true, message: 'Successfully joined room', roomId });
    socket.to(roomId).emit('ready', { peerId: socket.id });
  });

  for (const [event, field] of [['offer', 'offer'], ['answer', 'answer'], ['ice-candidate', 'candidate']]) {
    socket.on(event, (data) => {
      if (!data || typeof data.peerId !== 'string') return; // the original crashes here (§0.3)
      socket.to(data.peerId).emit(event, { [field]: data[field], from: socket.id, peerId: socket.id });
    });
  }

  socket.on('disconnect', () => {
    if (!socket.data.roomId) return;
    socket.to(socket.data.roomId).emit('peer-disconnected', { peerId: socket.id });
    unbind(socket);
  });
});

httpServer.listen(port, () => console.error(`socketio-relay (PrivyDrop subset) listening on http://0.0.0.0:${port} (pid ${process.pid})`));
