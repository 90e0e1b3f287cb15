// PolicingHub web console: connects to /hubs/console with a bearer token, subscribes from the last position kept in
// localStorage (per subject and agency), and lists incoming events grouped by stream. The server alone decides what
// this token receives; every event arrives once, in position order, including those missed while offline.
"use strict";
(() => {
  const $ = id => document.getElementById(id);
  const streams = new Map();
  let connection = null;
  let positionKey = null;
  let position = 0;

  // The token is never logged or stored; only who it names (sub, role, agency) keys the saved position.
  function claimsOf(token) {
    try {
      const payload = token.split(".")[1].replace(/-/g, "+").replace(/_/g, "/");
      return JSON.parse(atob(payload.padEnd(Math.ceil(payload.length / 4) * 4, "=")));
    } catch {
      return {};
    }
  }

  function setStatus(text, live) {
    $("status").textContent = text;
    $("status").className = live ? "live" : "down";
  }

  function remember(next) {
    position = next;
    $("position").textContent = String(next);
    if (positionKey) {
      localStorage.setItem(positionKey, String(next));
    }
  }

  function streamList(stream) {
    let list = streams.get(stream);
    if (!list) {
      const section = document.createElement("section");
      const title = document.createElement("h2");
      title.textContent = stream;
      list = document.createElement("ol");
      section.append(title, list);
      $("streams").append(section);
      streams.set(stream, list);
    }
    return list;
  }

  function show(envelope) {
    const item = document.createElement("li");
    item.value = envelope.sequence;
    const when = document.createElement("small");
    when.textContent = ` #${envelope.position} · ${new Date(envelope.occurredAt).toLocaleString()}`;
    const type = document.createElement("strong");
    type.textContent = envelope.type;
    const data = document.createElement("div");
    data.textContent = JSON.stringify(envelope.data);
    item.append(type, when, data);
    streamList(envelope.stream).append(item);
    remember(envelope.position);
  }

  async function subscribe() {
    const requested = position;
    const resumedFrom = await connection.invoke("Subscribe", requested);
    // Events may already have arrived; only a position the server moved back (a new log) and nothing since counts.
    if (resumedFrom !== requested && position === requested) {
      remember(resumedFrom);
    }
    setStatus("live", true);
  }

  async function connect() {
    const token = $("token").value.trim();
    if (!token) {
      setStatus("a token is required", false);
      return;
    }
    await disconnect();
    const claims = claimsOf(token);
    positionKey = `policinghub.console.position:${claims.sub ?? "?"}:${claims.role ?? "?"}:${claims.agency ?? ""}`;
    position = Number(localStorage.getItem(positionKey) ?? "0") || 0;
    $("position").textContent = String(position);

    connection = new signalR.HubConnectionBuilder()
      .withUrl("hubs/console", {
        accessTokenFactory: () => token,
        transport: signalR.HttpTransportType.WebSockets,
        skipNegotiation: true,
      })
      .withAutomaticReconnect()
      .configureLogging(signalR.LogLevel.Warning)
      .build();
    connection.on("event", show);
    connection.on("feed-closed", reason => setStatus(`closed by server: ${reason}`, false));
    connection.onreconnecting(() => setStatus("reconnecting…", false));
    // A reconnect is a new connection: subscribe again from the last position shown; nothing is missed or repeated.
    connection.onreconnected(() => subscribe().catch(e => setStatus(`subscribe failed: ${e.message}`, false)));
    connection.onclose(e => setStatus(e ? `offline: ${e.message}` : "offline", false));

    setStatus("connecting…", false);
    try {
      await connection.start();
      await subscribe();
      $("connect").disabled = true;
      $("disconnect").disabled = false;
    } catch (e) {
      setStatus(`refused: ${e.message}`, false);
      connection = null;
    }
  }

  async function disconnect() {
    if (connection) {
      const closing = connection;
      connection = null;
      await closing.stop();
    }
    $("connect").disabled = false;
    $("disconnect").disabled = true;
  }

  $("connect").addEventListener("click", connect);
  $("disconnect").addEventListener("click", disconnect);
  $("reset").addEventListener("click", async () => {
    if (positionKey) {
      localStorage.removeItem(positionKey);
    }
    streams.clear();
    $("streams").replaceChildren();
    position = 0;
    $("position").textContent = "0";
    if (connection) {
      await connect();
    }
  });
})();
