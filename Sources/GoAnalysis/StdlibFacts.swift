/// Reviewed facts about the standard library (and golang.org/x/sync/errgroup) that the rules
/// rely on without a type checker: signatures of the functions and methods that create or use
/// resources, what kind of thing their types are, which calls keep no reference to their
/// arguments, which methods tolerate a nil receiver, and which functions promise in their
/// documentation that a result is unusable when they return an error.
///
/// Every entry was checked against the Go 1.27.3 sources (GOROOT/src). Types use a compact
/// notation read by `GoType.parse`: `*os.File`, `[]byte`, `io/fs.FileInfo`. A name not in a
/// table is unknown, and rules treat unknown the careful way.
public enum StdlibFacts {
    // MARK: - Signatures

    static let functions: [String: [String]] = [
        // os
        "os.Open": ["*os.File", "error"], "os.Create": ["*os.File", "error"],
        "os.OpenFile": ["*os.File", "error"], "os.CreateTemp": ["*os.File", "error"],
        "os.NewFile": ["*os.File"], "os.Pipe": ["*os.File", "*os.File", "error"],
        "os.MkdirTemp": ["string", "error"], "os.ReadFile": ["[]byte", "error"],
        "os.Getwd": ["string", "error"], "os.Getenv": ["string"], "os.Hostname": ["string", "error"],
        "os.Stat": ["io/fs.FileInfo", "error"], "os.Lstat": ["io/fs.FileInfo", "error"],
        "os.ReadDir": ["[]io/fs.DirEntry", "error"], "os.Remove": ["error"], "os.RemoveAll": ["error"],
        "os.Chdir": ["error"], "os.Setenv": ["error"], "os.Unsetenv": ["error"],
        "os.MkdirAll": ["error"], "os.Mkdir": ["error"], "os.WriteFile": ["error"],
        "io/ioutil.ReadAll": ["[]byte", "error"], "io/ioutil.ReadFile": ["[]byte", "error"],
        "io/ioutil.TempFile": ["*os.File", "error"], "io/ioutil.TempDir": ["string", "error"],
        // io
        "io.ReadAll": ["[]byte", "error"], "io.Copy": ["int64", "error"], "io.CopyN": ["int64", "error"],
        "io.CopyBuffer": ["int64", "error"], "io.ReadFull": ["int", "error"], "io.ReadAtLeast": ["int", "error"],
        "io.WriteString": ["int", "error"], "io.NopCloser": ["io.ReadCloser"], "io.MultiReader": ["io.Reader"],
        "io.TeeReader": ["io.Reader"], "io.LimitReader": ["io.Reader"], "io.MultiWriter": ["io.Writer"],
        "io.Pipe": ["*io.PipeReader", "*io.PipeWriter"],
        // net, net/http
        "net.Dial": ["net.Conn", "error"], "net.DialTimeout": ["net.Conn", "error"],
        "net.Listen": ["net.Listener", "error"], "net.ListenPacket": ["net.PacketConn", "error"],
        "net.DialTCP": ["*net.TCPConn", "error"], "net.DialUDP": ["*net.UDPConn", "error"],
        "net.DialUnix": ["*net.UnixConn", "error"], "net.ListenTCP": ["*net.TCPListener", "error"],
        "net.ListenUnix": ["*net.UnixListener", "error"],
        "net/http.Get": ["*net/http.Response", "error"], "net/http.Post": ["*net/http.Response", "error"],
        "net/http.PostForm": ["*net/http.Response", "error"], "net/http.Head": ["*net/http.Response", "error"],
        "net/http.NewRequest": ["*net/http.Request", "error"],
        "net/http.NewRequestWithContext": ["*net/http.Request", "error"],
        "net/http/httptest.NewServer": ["*net/http/httptest.Server"],
        "net/http/httptest.NewRecorder": ["*net/http/httptest.ResponseRecorder"],
        // database/sql
        "database/sql.Open": ["*database/sql.DB", "error"], "database/sql.OpenDB": ["*database/sql.DB"],
        // context
        "context.Background": ["context.Context"], "context.TODO": ["context.Context"],
        "context.WithCancel": ["context.Context", "context.CancelFunc"],
        "context.WithTimeout": ["context.Context", "context.CancelFunc"],
        "context.WithDeadline": ["context.Context", "context.CancelFunc"],
        "context.WithTimeoutCause": ["context.Context", "context.CancelFunc"],
        "context.WithDeadlineCause": ["context.Context", "context.CancelFunc"],
        "context.WithCancelCause": ["context.Context", "context.CancelCauseFunc"],
        "context.WithValue": ["context.Context"], "context.WithoutCancel": ["context.Context"],
        "os/signal.NotifyContext": ["context.Context", "context.CancelFunc"],
        // buffered and encoded streams
        "bufio.NewScanner": ["*bufio.Scanner"], "bufio.NewReader": ["*bufio.Reader"],
        "bufio.NewReaderSize": ["*bufio.Reader"], "bufio.NewWriter": ["*bufio.Writer"],
        "bufio.NewWriterSize": ["*bufio.Writer"],
        "encoding/json.NewDecoder": ["*encoding/json.Decoder"], "encoding/json.NewEncoder": ["*encoding/json.Encoder"],
        "encoding/json.Marshal": ["[]byte", "error"], "encoding/json.MarshalIndent": ["[]byte", "error"],
        "encoding/json.Unmarshal": ["error"],
        "compress/gzip.NewReader": ["*compress/gzip.Reader", "error"], "compress/gzip.NewWriter": ["*compress/gzip.Writer"],
        "compress/gzip.NewWriterLevel": ["*compress/gzip.Writer", "error"],
        "archive/zip.OpenReader": ["*archive/zip.ReadCloser", "error"], "archive/zip.NewWriter": ["*archive/zip.Writer"],
        "archive/zip.NewReader": ["*archive/zip.Reader", "error"],
        "archive/tar.NewReader": ["*archive/tar.Reader"], "archive/tar.NewWriter": ["*archive/tar.Writer"],
        // processes and time
        "os/exec.Command": ["*os/exec.Cmd"], "os/exec.CommandContext": ["*os/exec.Cmd"],
        "os/exec.LookPath": ["string", "error"],
        "time.Now": ["time.Time"], "time.Since": ["time.Duration"], "time.Until": ["time.Duration"],
        "time.NewTimer": ["*time.Timer"], "time.AfterFunc": ["*time.Timer"], "time.NewTicker": ["*time.Ticker"],
        "time.After": ["chan time.Time"], "time.Tick": ["chan time.Time"],
        "time.Parse": ["time.Time", "error"], "time.ParseDuration": ["time.Duration", "error"],
        "time.Unix": ["time.Time"], "time.Date": ["time.Time"],
        // text
        "fmt.Sprint": ["string"], "fmt.Sprintf": ["string"], "fmt.Sprintln": ["string"], "fmt.Errorf": ["error"],
        "fmt.Fprint": ["int", "error"], "fmt.Fprintf": ["int", "error"], "fmt.Fprintln": ["int", "error"],
        "fmt.Print": ["int", "error"], "fmt.Printf": ["int", "error"], "fmt.Println": ["int", "error"],
        "fmt.Sscanf": ["int", "error"], "fmt.Sscan": ["int", "error"], "fmt.Fscan": ["int", "error"],
        "fmt.Fscanf": ["int", "error"], "fmt.Fscanln": ["int", "error"],
        "errors.New": ["error"], "errors.Is": ["bool"], "errors.As": ["bool"], "errors.Unwrap": ["error"],
        "errors.Join": ["error"],
        "strings.Contains": ["bool"], "strings.HasPrefix": ["bool"], "strings.HasSuffix": ["bool"],
        "strings.EqualFold": ["bool"], "strings.Index": ["int"], "strings.LastIndex": ["int"], "strings.Count": ["int"],
        "strings.Compare": ["int"], "strings.Join": ["string"], "strings.Replace": ["string"],
        "strings.ReplaceAll": ["string"], "strings.ToLower": ["string"], "strings.ToUpper": ["string"],
        "strings.TrimSpace": ["string"], "strings.Trim": ["string"], "strings.TrimPrefix": ["string"],
        "strings.TrimSuffix": ["string"], "strings.TrimLeft": ["string"], "strings.TrimRight": ["string"],
        "strings.Repeat": ["string"], "strings.Split": ["[]string"], "strings.SplitN": ["[]string"],
        "strings.Fields": ["[]string"], "strings.NewReader": ["*strings.Reader"],
        "strconv.Itoa": ["string"], "strconv.Quote": ["string"], "strconv.FormatInt": ["string"],
        "strconv.FormatUint": ["string"], "strconv.FormatBool": ["string"], "strconv.FormatFloat": ["string"],
        "strconv.Atoi": ["int", "error"], "strconv.ParseInt": ["int64", "error"], "strconv.ParseUint": ["uint64", "error"],
        "strconv.ParseBool": ["bool", "error"], "strconv.ParseFloat": ["float64", "error"],
        "bytes.NewBuffer": ["*bytes.Buffer"], "bytes.NewBufferString": ["*bytes.Buffer"], "bytes.NewReader": ["*bytes.Reader"],
        "bytes.Equal": ["bool"], "bytes.Contains": ["bool"], "bytes.HasPrefix": ["bool"], "bytes.Compare": ["int"],
        "path/filepath.Join": ["string"], "path/filepath.Base": ["string"], "path/filepath.Dir": ["string"],
        "path/filepath.Ext": ["string"], "path/filepath.Clean": ["string"], "path/filepath.Abs": ["string", "error"],
        "path/filepath.Rel": ["string", "error"], "path/filepath.EvalSymlinks": ["string", "error"],
        "path/filepath.Glob": ["[]string", "error"], "path.Join": ["string"], "path.Base": ["string"], "path.Dir": ["string"],
        "golang.org/x/sync/errgroup.WithContext": ["*golang.org/x/sync/errgroup.Group", "context.Context"],
        "text/template.New": ["*text/template.Template"], "html/template.New": ["*html/template.Template"],
    ]

    /// Methods by `path.Type.Method` (the receiver's type without its pointer).
    static let methods: [String: [String]] = [
        "os.File.Stat": ["io/fs.FileInfo", "error"], "os.File.Name": ["string"], "os.File.Close": ["error"],
        "os.File.Read": ["int", "error"], "os.File.Write": ["int", "error"], "os.File.WriteString": ["int", "error"],
        "os.File.ReadAt": ["int", "error"], "os.File.WriteAt": ["int", "error"], "os.File.Sync": ["error"],
        "os.File.Seek": ["int64", "error"], "os.File.Fd": ["uintptr"], "os.File.Truncate": ["error"],
        "os.File.Readdirnames": ["[]string", "error"], "os.File.ReadDir": ["[]io/fs.DirEntry", "error"],
        "io/fs.FileInfo.Size": ["int64"], "io/fs.FileInfo.Name": ["string"], "io/fs.FileInfo.IsDir": ["bool"],
        "io/fs.FileInfo.Mode": ["io/fs.FileMode"], "io/fs.FileInfo.ModTime": ["time.Time"],
        "io/fs.DirEntry.Name": ["string"], "io/fs.DirEntry.IsDir": ["bool"], "io/fs.DirEntry.Info": ["io/fs.FileInfo", "error"],
        "io.Reader.Read": ["int", "error"], "io.Writer.Write": ["int", "error"], "io.Closer.Close": ["error"],
        "io.ReadCloser.Close": ["error"], "io.ReadCloser.Read": ["int", "error"], "io.WriteCloser.Close": ["error"],
        "io.WriteCloser.Write": ["int", "error"], "io.PipeReader.Close": ["error"], "io.PipeWriter.Close": ["error"],
        "net.Conn.Read": ["int", "error"], "net.Conn.Write": ["int", "error"], "net.Conn.Close": ["error"],
        "net.Conn.LocalAddr": ["net.Addr"], "net.Conn.RemoteAddr": ["net.Addr"], "net.Conn.SetDeadline": ["error"],
        "net.Listener.Accept": ["net.Conn", "error"], "net.Listener.Close": ["error"], "net.Listener.Addr": ["net.Addr"],
        "net/http.Client.Do": ["*net/http.Response", "error"], "net/http.Client.Get": ["*net/http.Response", "error"],
        "net/http.Client.Post": ["*net/http.Response", "error"], "net/http.Client.PostForm": ["*net/http.Response", "error"],
        "net/http.Client.Head": ["*net/http.Response", "error"],
        "net/http.Request.WithContext": ["*net/http.Request"], "net/http.Request.Context": ["context.Context"],
        "net/http/httptest.Server.Close": [],
        "database/sql.DB.Query": ["*database/sql.Rows", "error"], "database/sql.DB.QueryContext": ["*database/sql.Rows", "error"],
        "database/sql.DB.QueryRow": ["*database/sql.Row"], "database/sql.DB.QueryRowContext": ["*database/sql.Row"],
        "database/sql.DB.Exec": ["database/sql.Result", "error"], "database/sql.DB.ExecContext": ["database/sql.Result", "error"],
        "database/sql.DB.Begin": ["*database/sql.Tx", "error"], "database/sql.DB.BeginTx": ["*database/sql.Tx", "error"],
        "database/sql.DB.Prepare": ["*database/sql.Stmt", "error"], "database/sql.DB.PrepareContext": ["*database/sql.Stmt", "error"],
        "database/sql.DB.Conn": ["*database/sql.Conn", "error"], "database/sql.DB.Ping": ["error"],
        "database/sql.DB.PingContext": ["error"], "database/sql.DB.Close": ["error"],
        "database/sql.Tx.Query": ["*database/sql.Rows", "error"], "database/sql.Tx.QueryContext": ["*database/sql.Rows", "error"],
        "database/sql.Tx.Exec": ["database/sql.Result", "error"], "database/sql.Tx.Commit": ["error"],
        "database/sql.Tx.Rollback": ["error"], "database/sql.Tx.Prepare": ["*database/sql.Stmt", "error"],
        "database/sql.Conn.QueryContext": ["*database/sql.Rows", "error"], "database/sql.Conn.Close": ["error"],
        "database/sql.Conn.BeginTx": ["*database/sql.Tx", "error"],
        "database/sql.Stmt.Query": ["*database/sql.Rows", "error"], "database/sql.Stmt.QueryContext": ["*database/sql.Rows", "error"],
        "database/sql.Stmt.Exec": ["database/sql.Result", "error"], "database/sql.Stmt.Close": ["error"],
        "database/sql.Stmt.QueryRow": ["*database/sql.Row"],
        "database/sql.Rows.Next": ["bool"], "database/sql.Rows.Scan": ["error"], "database/sql.Rows.Err": ["error"],
        "database/sql.Rows.Close": ["error"], "database/sql.Rows.Columns": ["[]string", "error"],
        "database/sql.Row.Scan": ["error"], "database/sql.Row.Err": ["error"],
        "bufio.Scanner.Scan": ["bool"], "bufio.Scanner.Text": ["string"], "bufio.Scanner.Bytes": ["[]byte"],
        "bufio.Scanner.Err": ["error"], "bufio.Reader.ReadString": ["string", "error"],
        "bufio.Reader.ReadBytes": ["[]byte", "error"], "bufio.Reader.ReadLine": ["[]byte", "bool", "error"],
        "bufio.Reader.ReadRune": ["rune", "int", "error"], "bufio.Writer.Flush": ["error"],
        "bufio.Writer.Write": ["int", "error"], "bufio.Writer.WriteString": ["int", "error"],
        "encoding/json.Decoder.Decode": ["error"], "encoding/json.Decoder.More": ["bool"],
        "encoding/json.Encoder.Encode": ["error"],
        "compress/gzip.Reader.Close": ["error"], "compress/gzip.Reader.Read": ["int", "error"],
        "compress/gzip.Writer.Close": ["error"], "compress/gzip.Writer.Write": ["int", "error"],
        "archive/zip.ReadCloser.Close": ["error"],
        "os/exec.Cmd.Run": ["error"], "os/exec.Cmd.Start": ["error"], "os/exec.Cmd.Wait": ["error"],
        "os/exec.Cmd.Output": ["[]byte", "error"], "os/exec.Cmd.CombinedOutput": ["[]byte", "error"],
        "os/exec.Cmd.StdoutPipe": ["io.ReadCloser", "error"], "os/exec.Cmd.StderrPipe": ["io.ReadCloser", "error"],
        "os/exec.Cmd.StdinPipe": ["io.WriteCloser", "error"],
        "time.Time.Sub": ["time.Duration"], "time.Time.Unix": ["int64"], "time.Time.UnixNano": ["int64"],
        "time.Time.Format": ["string"], "time.Time.Add": ["time.Time"], "time.Time.Before": ["bool"],
        "time.Time.After": ["bool"], "time.Time.Equal": ["bool"], "time.Time.IsZero": ["bool"],
        "time.Duration.Seconds": ["float64"], "time.Duration.Milliseconds": ["int64"],
        "time.Duration.String": ["string"], "time.Duration.Round": ["time.Duration"], "time.Duration.Truncate": ["time.Duration"],
        "time.Timer.Stop": ["bool"], "time.Timer.Reset": ["bool"], "time.Ticker.Stop": [], "time.Ticker.Reset": [],
        "context.Context.Done": ["chan struct{}"], "context.Context.Err": ["error"], "context.Context.Value": ["interface"],
        "context.Context.Deadline": ["time.Time", "bool"],
        "strings.Builder.String": ["string"], "strings.Builder.Len": ["int"], "strings.Builder.WriteString": ["int", "error"],
        "bytes.Buffer.String": ["string"], "bytes.Buffer.Bytes": ["[]byte"], "bytes.Buffer.Len": ["int"],
        "bytes.Buffer.Write": ["int", "error"], "bytes.Buffer.WriteString": ["int", "error"],
        "sync.WaitGroup.Wait": [], "sync.WaitGroup.Add": [], "sync.WaitGroup.Done": [], "sync.WaitGroup.Go": [],
        "sync.Mutex.Lock": [], "sync.Mutex.Unlock": [], "sync.RWMutex.Lock": [], "sync.RWMutex.Unlock": [],
        "sync.RWMutex.RLock": [], "sync.RWMutex.RUnlock": [],
        "golang.org/x/sync/errgroup.Group.Go": [], "golang.org/x/sync/errgroup.Group.Wait": ["error"],
        "text/template.Template.Execute": ["error"], "text/template.Template.ExecuteTemplate": ["error"],
        "text/template.Template.Parse": ["*text/template.Template", "error"],
        "text/template.Template.ParseFiles": ["*text/template.Template", "error"],
        "html/template.Template.Execute": ["error"], "html/template.Template.ExecuteTemplate": ["error"],
        "html/template.Template.Parse": ["*html/template.Template", "error"],
        "html/template.Template.ParseFiles": ["*html/template.Template", "error"],
    ]

    static let fields: [String: String] = [
        "net/http.Response.Body": "io.ReadCloser", "net/http.Response.StatusCode": "int",
        "net/http.Response.Status": "string", "net/http.Response.Header": "net/http.Header",
        "net/http.Response.ContentLength": "int64", "net/http.Response.Request": "*net/http.Request",
        "net/http.Request.Body": "io.ReadCloser", "net/http.Request.URL": "*net/url.URL",
        "net/http.Request.Method": "string", "net/http.Request.Header": "net/http.Header",
        "net/http/httptest.Server.URL": "string", "net/http/httptest.Server.Client": "*net/http.Client",
        "archive/zip.ReadCloser.File": "[]*archive/zip.File",
        "time.Timer.C": "chan time.Time", "time.Ticker.C": "chan time.Time",
        "os/exec.Cmd.Stdout": "io.Writer", "os/exec.Cmd.Stderr": "io.Writer", "os/exec.Cmd.Stdin": "io.Reader",
        "os/exec.Cmd.Process": "*os.Process", "os/exec.Cmd.Dir": "string", "os/exec.Cmd.Env": "[]string",
        "os/exec.Cmd.Path": "string", "os/exec.Cmd.Args": "[]string",
    ]

    static let variables: [String: String] = [
        "os.Stdout": "*os.File", "os.Stderr": "*os.File", "os.Stdin": "*os.File", "os.Args": "[]string",
        "net/http.DefaultClient": "*net/http.Client", "io.EOF": "error",
    ]

    static let kinds: [String: TypeKind] = [
        "os.File": .structure, "os.Process": .structure, "os.FileMode": .basic, "io/fs.FileMode": .basic,
        "io/fs.FileInfo": .interface, "io/fs.DirEntry": .interface,
        "io.Reader": .interface, "io.Writer": .interface, "io.Closer": .interface, "io.ReadCloser": .interface,
        "io.WriteCloser": .interface, "io.ReadWriteCloser": .interface, "io.ReadWriter": .interface,
        "io.PipeReader": .structure, "io.PipeWriter": .structure,
        "net.Conn": .interface, "net.Listener": .interface, "net.PacketConn": .interface, "net.Addr": .interface,
        "net.TCPConn": .structure, "net.UDPConn": .structure, "net.UnixConn": .structure,
        "net.TCPListener": .structure, "net.UnixListener": .structure,
        "net/http.Response": .structure, "net/http.Request": .structure, "net/http.Client": .structure,
        "net/http.Header": .map, "net/http.RoundTripper": .interface, "net/http.Handler": .interface,
        "net/http.ResponseWriter": .interface, "net/http.HandlerFunc": .function,
        "net/http/httptest.Server": .structure, "net/http/httptest.ResponseRecorder": .structure,
        "net/url.URL": .structure, "net/url.Values": .map,
        "database/sql.DB": .structure, "database/sql.Rows": .structure, "database/sql.Row": .structure,
        "database/sql.Tx": .structure, "database/sql.Stmt": .structure, "database/sql.Conn": .structure,
        "database/sql.Result": .interface,
        "context.Context": .interface, "context.CancelFunc": .function, "context.CancelCauseFunc": .function,
        "bufio.Scanner": .structure, "bufio.Reader": .structure, "bufio.Writer": .structure,
        "encoding/json.Decoder": .structure, "encoding/json.Encoder": .structure,
        "compress/gzip.Reader": .structure, "compress/gzip.Writer": .structure,
        "archive/zip.ReadCloser": .structure, "archive/zip.Reader": .structure, "archive/zip.Writer": .structure,
        "archive/zip.File": .structure, "archive/tar.Reader": .structure, "archive/tar.Writer": .structure,
        "os/exec.Cmd": .structure,
        "time.Time": .structure, "time.Duration": .basic, "time.Timer": .structure, "time.Ticker": .structure,
        "strings.Builder": .structure, "strings.Reader": .structure, "bytes.Buffer": .structure, "bytes.Reader": .structure,
        "sync.WaitGroup": .structure, "sync.Mutex": .structure, "sync.RWMutex": .structure, "sync.Once": .structure,
        "golang.org/x/sync/errgroup.Group": .structure,
        "testing.T": .structure, "testing.B": .structure, "testing.F": .structure, "testing.TB": .interface,
        "text/template.Template": .structure, "html/template.Template": .structure,
    ]

    public static func functionResults(_ path: String, _ name: String) -> [String]? { functions["\(path).\(name)"] }
    public static func methodResults(_ path: String, _ type: String, _ name: String) -> [String]? {
        if let r = methods["\(path).\(type).\(name)"] { return r }
        // Interfaces that embed the basic ones.
        if kinds["\(path).\(type)"] == .interface, path == "io" {
            switch name {
            case "Read", "Write": return ["int", "error"]
            case "Close": return ["error"]
            default: return nil
            }
        }
        return nil
    }
    public static func fieldType(_ path: String, _ type: String, _ name: String) -> String? { fields["\(path).\(type).\(name)"] }
    public static func variableType(_ path: String, _ name: String) -> String? { variables["\(path).\(name)"] }
    public static func kind(_ path: String, _ name: String) -> TypeKind? { kinds["\(path).\(name)"] }
    public static func isTypeName(_ path: String, _ name: String) -> Bool { kinds["\(path).\(name)"] != nil }

    // MARK: - Behaviour

    /// Methods that return normally on a nil receiver (`path.Type.Method`), with where the
    /// source shows it.
    static let nilSafeMethods: Set<String> = [
        "os.File.Close",        // os/file_posix.go: if f == nil { return ErrInvalid }
        "os.File.Stat",         // os/stat_unix.go: if f == nil { return nil, ErrInvalid }
    ]

    /// Methods that dereference a nil receiver and panic (checked in the source).
    static let nilPanickingMethods: Set<String> = [
        "database/sql.Rows.Close",      // sql.go: rs.close → rs.closemu.Lock()
        "database/sql.Stmt.Close",      // sql.go: s.closemu.Lock()
        "database/sql.Tx.Rollback",     // sql.go: tx.rollback → tx.done.Load()… on nil tx
        "database/sql.Conn.Close",      // sql.go: c.close → c.donemu…
        "database/sql.DB.Close",        // sql.go: db.mu.Lock()
        "compress/gzip.Reader.Close",   // gunzip.go: z.decompressor.Close()
        "compress/gzip.Writer.Close",   // gzip.go: z.err
        "archive/zip.ReadCloser.Close", // reader.go: rc.f.Close()
        "time.Timer.Stop",              // sleep.go: t.initTimer
        "time.Ticker.Stop",             // tick.go: t.initTicker
        "os/exec.Cmd.Wait",             // exec.go: c.Process
    ]

    /// What a method does on a nil receiver of its (pointer) type: true returns normally,
    /// false panics, nil unknown.
    public static func nilReceiverIsSafe(_ path: String, _ type: String, _ method: String) -> Bool? {
        let key = "\(path).\(type).\(method)"
        if nilSafeMethods.contains(key) { return true }
        if nilPanickingMethods.contains(key) { return false }
        return nil
    }

    /// Functions whose documentation says that, when they return an error, the other result
    /// needs no clean-up: moving a deferred clean-up below the error check loses nothing.
    /// net/http/client.go, Client.Do: "On error, any Response can be ignored. A non-nil
    /// Response with a non-nil error only occurs when CheckRedirect fails, and even then the
    /// returned Response.Body is already closed." Get, Post, PostForm and Head (package
    /// functions and Client methods) are documented as going through Client.Do ("See the
    /// Client.Do method documentation", "Get is a wrapper around DefaultClient.Get").
    static let unusableOnError: Set<String> = [
        "net/http.Get", "net/http.Post", "net/http.PostForm", "net/http.Head",
        "net/http.Client.Do", "net/http.Client.Get", "net/http.Client.Post", "net/http.Client.PostForm",
        "net/http.Client.Head",
    ]

    public static func resultUnusableOnError(function path: String, _ name: String) -> Bool {
        unusableOnError.contains("\(path).\(name)")
    }
    public static func resultUnusableOnError(method path: String, _ type: String, _ name: String) -> Bool {
        unusableOnError.contains("\(path).\(type).\(name)")
    }

    /// Calls that keep no reference to their arguments once they return and whose results
    /// share nothing with them (io/io.go, fmt/print.go, encoding/json: they read or write
    /// through the argument during the call only).
    static let nonRetaining: Set<String> = [
        "io.ReadAll", "io.Copy", "io.CopyN", "io.CopyBuffer", "io.ReadFull", "io.ReadAtLeast", "io.WriteString",
        "io/ioutil.ReadAll",
        "fmt.Fprint", "fmt.Fprintf", "fmt.Fprintln", "fmt.Fscan", "fmt.Fscanf", "fmt.Fscanln",
        "fmt.Print", "fmt.Printf", "fmt.Println", "fmt.Sprint", "fmt.Sprintf", "fmt.Sprintln",
        "encoding/json.Marshal", "encoding/json.MarshalIndent", "encoding/json.Unmarshal",
        "errors.Is", "errors.As",
        "log.Print", "log.Printf", "log.Println", "log.Fatal", "log.Fatalf", "log.Fatalln", "log.Panic", "log.Panicf",
        "log.Panicln",
        "hash/crc32.Update", "hash/crc32.Checksum", "hash/crc32.ChecksumIEEE", "crypto/sha256.Sum256",
        "crypto/sha1.Sum", "crypto/md5.Sum", "bytes.Equal", "bytes.Compare", "bytes.Contains", "bytes.HasPrefix",
        "strings.Contains", "strings.HasPrefix", "strings.HasSuffix", "strings.EqualFold",
        "os.Remove", "os.RemoveAll", "os.Stat", "os.Lstat", "os.ReadFile", "os.WriteFile", "os.Chmod", "os.Chtimes",
        "path/filepath.Base", "path/filepath.Dir", "path/filepath.Join", "path/filepath.Ext",
    ]

    /// Constructors whose result wraps (keeps a reference to) their argument: the result is
    /// as much the argument as the argument itself.
    static let wrapping: Set<String> = [
        "bufio.NewScanner", "bufio.NewReader", "bufio.NewReaderSize", "bufio.NewWriter", "bufio.NewWriterSize",
        "encoding/json.NewDecoder", "encoding/json.NewEncoder", "compress/gzip.NewReader", "compress/gzip.NewWriter",
        "compress/gzip.NewWriterLevel", "archive/zip.NewReader", "archive/zip.NewWriter", "archive/tar.NewReader",
        "archive/tar.NewWriter", "io.TeeReader", "io.LimitReader", "io.MultiReader", "io.MultiWriter", "io.NopCloser",
        "net/http.NewRequestWithContext", "os/exec.CommandContext",
        "context.WithCancel", "context.WithTimeout", "context.WithDeadline", "context.WithTimeoutCause",
        "context.WithDeadlineCause", "context.WithCancelCause", "context.WithValue", "context.WithoutCancel",
    ]

    /// Methods that keep no reference to their arguments once they return (their results
    /// may refer to them: a Response keeps its Request).
    static let nonRetainingMethods: Set<String> = [
        "net/http.Client.Do", "net/http.Client.Get", "net/http.Client.Post", "net/http.Client.PostForm",
        "net/http.Client.Head",
        "text/template.Template.Execute", "text/template.Template.ExecuteTemplate",
        "html/template.Template.Execute", "html/template.Template.ExecuteTemplate",
    ]

    /// Methods whose results share nothing with the receiver (a snapshot or a copy).
    static let freshResultMethods: Set<String> = [
        "os.File.Stat", "os.File.ReadDir", "os.File.Readdirnames", "os.File.Fd",
        "database/sql.Rows.Columns", "bufio.Scanner.Text", "bufio.Scanner.Err",
    ]

    public static func hasFreshResults(method path: String, _ type: String, _ name: String) -> Bool {
        freshResultMethods.contains("\(path).\(type).\(name)")
    }

    /// Calls whose results are the contents read through their argument, not anything that
    /// names or reaches the argument itself (a file's bytes, not its path).
    static let contentReaders: Set<String> = [
        "io.ReadAll", "io/ioutil.ReadAll", "io.ReadFull", "io.ReadAtLeast", "io.Copy", "io.CopyN", "io.CopyBuffer",
        "encoding/json.Unmarshal", "hash/crc32.Update", "hash/crc32.Checksum", "hash/crc32.ChecksumIEEE",
        "crypto/sha256.Sum256", "crypto/sha1.Sum", "crypto/md5.Sum",
    ]

    public static func isNonRetaining(_ path: String, _ name: String) -> Bool { nonRetaining.contains("\(path).\(name)") }
    public static func readsContent(_ path: String, _ name: String) -> Bool { contentReaders.contains("\(path).\(name)") }
    public static func isNonRetaining(method path: String, _ type: String, _ name: String) -> Bool {
        nonRetainingMethods.contains("\(path).\(type).\(name)")
    }
    public static func isWrapping(_ path: String, _ name: String) -> Bool { wrapping.contains("\(path).\(name)") }

    /// Functions that make a new resource owned only by their result (a file, a connection,
    /// a response, a temporary directory name, a context with its cancel function).
    static let constructors: Set<String> = [
        "os.Open", "os.Create", "os.OpenFile", "os.CreateTemp", "os.Pipe", "io/ioutil.TempFile",
        "net.Dial", "net.DialTimeout", "net.DialTCP", "net.DialUDP", "net.DialUnix", "net.Listen",
        "net.ListenPacket", "net.ListenTCP", "net.ListenUnix",
        "net/http.Get", "net/http.Post", "net/http.PostForm", "net/http.Head",
        "net/http/httptest.NewServer",
        "database/sql.Open",
        "context.WithCancel", "context.WithTimeout", "context.WithDeadline", "context.WithTimeoutCause",
        "context.WithDeadlineCause", "context.WithCancelCause", "os/signal.NotifyContext",
        "time.NewTimer", "time.NewTicker",
        "compress/gzip.NewReader", "archive/zip.OpenReader", "io.Pipe",
    ]
    static let constructorMethods: Set<String> = [
        "net/http.Client.Do", "net/http.Client.Get", "net/http.Client.Post", "net/http.Client.PostForm",
        "net/http.Client.Head",
        "database/sql.DB.Query", "database/sql.DB.QueryContext", "database/sql.DB.Begin", "database/sql.DB.BeginTx",
        "database/sql.DB.Prepare", "database/sql.DB.PrepareContext", "database/sql.DB.Conn",
        "database/sql.Tx.Query", "database/sql.Tx.QueryContext", "database/sql.Tx.Prepare",
        "database/sql.Conn.QueryContext", "database/sql.Stmt.Query", "database/sql.Stmt.QueryContext",
        "os/exec.Cmd.StdoutPipe", "os/exec.Cmd.StderrPipe", "os/exec.Cmd.StdinPipe",
        "net.Listener.Accept",
    ]

    public static func isConstructor(_ path: String, _ name: String) -> Bool { constructors.contains("\(path).\(name)") }

    /// Functions that make a temporary file or directory under a fresh, unguessable name:
    /// nothing else can reach it but through that name.
    static let temporaryMakers: Set<String> = ["os.CreateTemp", "os.MkdirTemp", "io/ioutil.TempFile", "io/ioutil.TempDir"]
    public static func makesTemporary(_ path: String, _ name: String) -> Bool { temporaryMakers.contains("\(path).\(name)") }
    public static func isConstructor(method path: String, _ type: String, _ name: String) -> Bool {
        constructorMethods.contains("\(path).\(type).\(name)")
    }
}
