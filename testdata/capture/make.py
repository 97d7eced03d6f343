#!/usr/bin/env python3
"""Regenerates the files in testdata/capture/ (run from the repository root).

seed-dora.pcap        the four frames of testdata/seed-dora.tcpdump.txt (Linux
                      cooked SLL, LINKTYPE 113), hex taken verbatim from the
                      text, timestamps from its -tttt lines read as UTC.
seed-dora-sll2.pcap   the same frames with the 16-byte SLL header rewritten as
                      a 20-byte SLL2 header (LINKTYPE 276).
far-future.pcapng     the seed Discover in a pcapng whose interface counts
                      whole seconds (if_tsresol 0) and whose packet time is
                      2^64 - 2^32 seconds: past what a clock can show (hostile
                      input for timestamp formatting).
*.tcpdump.txt         what tcpdump 4.99.3 (libpcap 1.10.3) prints for those
                      files: `tcpdump -r FILE -nn -x` / `-nn -XX`.

tcpdump is only needed to regenerate the .txt files; the tests never run it.
"""
import calendar
import re
import struct
import subprocess
import sys

SEED = "testdata/seed-dora.tcpdump.txt"
OUT = "testdata/capture/"


def seed_frames():
    frames, stamps, cur = [], [], None
    for line in open(SEED):
        m = re.match(r"^(\d{4})-(\d\d)-(\d\d) (\d\d):(\d\d):(\d\d)\.(\d{6}) ", line)
        if m:
            y, mo, d, h, mi, s, us = map(int, m.groups())
            stamps.append((calendar.timegm((y, mo, d, h, mi, s)), us))
        m = re.match(r"^\s*0x([0-9a-f]{4}):  (.*)$", line)
        if not m:
            continue
        if int(m.group(1), 16) == 0:
            cur = bytearray()
            frames.append(cur)
        hexpart = m.group(2)[:40]
        cur += bytes.fromhex(hexpart.replace(" ", ""))
    return list(zip(frames, stamps))


def pcap(path, linktype, frames):
    with open(path, "wb") as f:
        f.write(struct.pack("<IHHiIII", 0xA1B2C3D4, 2, 4, 0, 0, 262144, linktype))
        for data, (sec, usec) in frames:
            f.write(struct.pack("<IIII", sec, usec, len(data), len(data)))
            f.write(data)


def ng_block(block_type, body):
    body += b"\0" * (-len(body) % 4)
    total = 12 + len(body)
    return struct.pack("<II", block_type, total) + body + struct.pack("<I", total)


def far_future_pcapng(path, data):
    shb = struct.pack("<IHHq", 0x1A2B3C4D, 1, 0, -1)
    # LINKTYPE 113, if_tsresol (option 9) = 0: timestamps in whole seconds.
    idb = struct.pack("<HHI", 113, 0, 0) + struct.pack("<HHB3x", 9, 1, 0) + struct.pack("<HH", 0, 0)
    epb = struct.pack("<IIIII", 0, 0xFFFFFFFF, 0, len(data), len(data)) + data
    with open(path, "wb") as f:
        f.write(ng_block(0x0A0D0D0A, shb) + ng_block(1, idb) + ng_block(6, epb))


def sll_to_sll2(data):
    pkttype, hatype, halen = struct.unpack(">HHH", data[0:6])
    addr, proto = data[6:14], data[14:16]
    # protocol, reserved, ifindex, hatype, pkttype, halen, address
    return proto + b"\0\0" + struct.pack(">IHBB", 2, hatype, pkttype, halen) + addr + data[16:]


def main():
    frames = seed_frames()
    assert len(frames) == 4, len(frames)
    pcap(OUT + "seed-dora.pcap", 113, frames)
    pcap(OUT + "seed-dora-sll2.pcap", 276, [(sll_to_sll2(d), t) for d, t in frames])
    far_future_pcapng(OUT + "far-future.pcapng", bytes(frames[0][0]))
    if "--no-tcpdump" in sys.argv:
        return
    for name, flag in [("seed-dora-sll2.XX", "-XX"), ("seed-dora.x", "-x")]:
        src = OUT + name.split(".")[0] + ".pcap"
        out = subprocess.run(
            ["tcpdump", "-r", src, "-nn", "-vvv", flag],
            capture_output=True, text=True, check=True,
            env={"TZ": "UTC", "PATH": "/usr/sbin:/usr/bin:/sbin:/bin"},
        )
        with open(OUT + name + ".tcpdump.txt", "w") as f:
            f.write(out.stderr + out.stdout)


main()
