import Foundation

/// A zip archive of stored (uncompressed) entries, as `go fix` reads the fixed files a vet
/// tool produces (`vet.fix.zip`): local headers, the data, the central directory, the end
/// record. Names are written as given (the go command uses absolute paths).
public struct ZipArchive {
    var entries: [(name: String, data: [UInt8])] = []

    public init() {}

    public mutating func add(_ name: String, _ data: [UInt8]) { entries.append((name, data)) }

    public var bytes: [UInt8] {
        var out: [UInt8] = []
        var central: [UInt8] = []
        func u16(_ v: Int, _ b: inout [UInt8]) { b += [UInt8(v & 0xFF), UInt8((v >> 8) & 0xFF)] }
        func u32(_ v: UInt32, _ b: inout [UInt8]) { b += (0..<4).map { UInt8((v >> (8 * UInt32($0))) & 0xFF) } }
        for e in entries {
            let name = Array(e.name.utf8)
            let crc = CRC32.checksum(e.data)
            let offset = UInt32(out.count)
            u32(0x0403_4B50, &out); u16(20, &out); u16(0x0800, &out); u16(0, &out)  // signature, version, UTF-8 names, stored
            u16(0, &out); u16(0x21, &out)                                             // time, date (1980-01-01)
            u32(crc, &out); u32(UInt32(e.data.count), &out); u32(UInt32(e.data.count), &out)
            u16(name.count, &out); u16(0, &out)
            out += name + e.data
            u32(0x0201_4B50, &central); u16(20, &central); u16(20, &central); u16(0x0800, &central); u16(0, &central)
            u16(0, &central); u16(0x21, &central)
            u32(crc, &central); u32(UInt32(e.data.count), &central); u32(UInt32(e.data.count), &central)
            u16(name.count, &central); u16(0, &central); u16(0, &central); u16(0, &central); u16(0, &central)
            u32(0o100644 << 16, &central); u32(offset, &central)
            central += name
        }
        let centralOffset = UInt32(out.count)
        out += central
        u32(0x0605_4B50, &out); u16(0, &out); u16(0, &out); u16(entries.count, &out); u16(entries.count, &out)
        u32(UInt32(central.count), &out); u32(centralOffset, &out); u16(0, &out)
        return out
    }
}

/// CRC-32 (IEEE), as zip needs it.
enum CRC32 {
    static let table: [UInt32] = (0..<256).map { i in
        var c = UInt32(i)
        for _ in 0..<8 { c = c & 1 != 0 ? 0xEDB8_8320 ^ (c >> 1) : c >> 1 }
        return c
    }

    static func checksum(_ data: [UInt8]) -> UInt32 {
        var c: UInt32 = 0xFFFF_FFFF
        for b in data { c = table[Int((c ^ UInt32(b)) & 0xFF)] ^ (c >> 8) }
        return c ^ 0xFFFF_FFFF
    }
}
