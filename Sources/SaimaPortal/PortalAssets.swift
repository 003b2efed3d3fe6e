import Hummingbird

/// The style sheet and the one script (live progress through server-sent events). Served from the portal's own
/// origin, as the Content-Security-Policy requires; pages read without the script.
enum PortalAssets {
    static func response(_ text: String, type: String) -> Response {
        Response(status: .ok, headers: [.contentType: type, .cacheControl: "max-age=3600"], body: .init(byteBuffer: ByteBuffer(string: text)))
    }

    static let css = """
        body{font-family:"Noto Sans CJK SC","Noto Sans",sans-serif;margin:0;color:#1d2733;background:#f6f7f9}
        header{background:#17324d;color:#fff;padding:.6rem 1rem;display:flex;gap:1rem;align-items:center}
        header a{color:#cfe3ff;margin-right:.8rem} header .who{color:#fff;margin:0 .5rem}
        main{max-width:1100px;margin:1rem auto;padding:0 1rem} h1{font-size:1.5rem}
        table{border-collapse:collapse;width:100%;background:#fff;margin:.5rem 0 1.2rem}
        th,td{border:1px solid #d5dbe3;padding:.35rem .5rem;text-align:left;vertical-align:top} th{background:#eef2f7}
        form{margin:.5rem 0} form.inline{display:inline} label{display:block;margin:.3rem 0}
        label.check{display:inline-block;margin-right:1rem} input,select{padding:.25rem;font-size:1rem}
        button{padding:.3rem .8rem;font-size:1rem} .error{color:#a4001d;font-weight:bold}
        pre{white-space:pre-wrap;overflow-wrap:anywhere;background:#fff;border:1px solid #d5dbe3;padding:.5rem}
        section.answer{border-top:2px solid #d5dbe3;margin-top:1rem}
        .pair{display:grid;grid-template-columns:1fr 1fr;gap:1rem}
        """

    static let progressScript = """
        (function () {
          var box = document.getElementById('progress');
          var shown = document.getElementById('run-status');
          var ended = function (s) { return s === 'done' || s === 'failed' || s === 'interrupted'; };
          if (!box || !window.EventSource || (shown && ended(shown.textContent))) return;
          var source = new EventSource(box.getAttribute('data-events'));
          source.onmessage = function (e) {
            var data = JSON.parse(e.data);
            var status = document.getElementById('run-status');
            if (status) status.textContent = data.status;
            var rows = Object.keys(data.teams || {}).sort().map(function (t) {
              var c = data.teams[t], tr = document.createElement('tr');
              [t, c.done, c.total, c.failed].forEach(function (v) {
                var td = document.createElement('td'); td.textContent = String(v); tr.appendChild(td);
              });
              return tr;
            });
            var body = box.querySelector('tbody');
            if (body) { body.replaceChildren.apply(body, rows); }
            if (ended(data.status)) { source.close(); window.location.reload(); }
          };
        })();
        """
}
