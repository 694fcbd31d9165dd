"""Many protocols in one zip, read once and under limits: a zip bomb, a huge member or
thousands of files are refused before anything is unpacked.

(The project has no shared upload limits yet; these are the importer's own.)
"""

import zipfile
from dataclasses import dataclass, field
from io import BytesIO
from pathlib import PurePosixPath

from samordna.imports.extract import Refused

MAX_MEMBERS = 200
MAX_MEMBER_BYTES = 25 * 1024 * 1024
MAX_TOTAL_BYTES = 250 * 1024 * 1024
# A protocol compresses perhaps 3–10 times; a bomb a thousand times.
MAX_RATIO = 100
READABLE = {".pdf", ".docx", ".txt"}


@dataclass
class ArchiveMember:
    name: str
    data: bytes


@dataclass
class Unpacked:
    members: list[ArchiveMember] = field(default_factory=list)
    # One Swedish message per file in the zip that is not read, naming it.
    skipped: list[str] = field(default_factory=list)


def read_zip(data: bytes, filename: str) -> Unpacked:
    try:
        archive = zipfile.ZipFile(BytesIO(data))
        infos = [info for info in archive.infolist() if not info.is_dir()]
    except (zipfile.BadZipFile, ValueError) as error:
        raise Refused(filename, "zip-arkivet är skadat och kan inte läsas.") from error
    infos = [i for i in infos if not _hidden(i.filename)]
    if len(infos) > MAX_MEMBERS:
        raise Refused(filename, f"zip-arkivet har {len(infos)} filer; högst {MAX_MEMBERS} går.")
    total = sum(info.file_size for info in infos)
    if total > MAX_TOTAL_BYTES:
        raise Refused(filename, "zip-arkivet är för stort uppackat (mer än 250 MB).")
    unpacked = Unpacked()
    with archive:
        for info in infos:
            name = f"{filename}/{info.filename}"
            suffix = PurePosixPath(info.filename).suffix.lower()
            if suffix not in READABLE:
                unpacked.skipped.append(f"{name}: bara PDF, Word (.docx) och text (.txt) läses.")
                continue
            if info.flag_bits & 0x1:
                unpacked.skipped.append(f"{name}: filen är lösenordsskyddad i arkivet.")
                continue
            if info.file_size > MAX_MEMBER_BYTES:
                unpacked.skipped.append(f"{name}: filen är större än 25 MB.")
                continue
            if (
                info.file_size > MAX_RATIO * max(info.compress_size, 1)
                and info.file_size > 1024 * 1024
            ):
                raise Refused(
                    filename,
                    f"{info.filename} packas upp mer än {MAX_RATIO} gånger: arkivet läses inte.",
                )
            with archive.open(info) as member:
                content = member.read(MAX_MEMBER_BYTES + 1)
            if len(content) > MAX_MEMBER_BYTES:  # the header lied about the size
                raise Refused(filename, f"{info.filename} är större än arkivet anger.")
            unpacked.members.append(ArchiveMember(info.filename, content))
    return unpacked


def _hidden(path: str) -> bool:
    parts = PurePosixPath(path).parts
    return any(part.startswith(".") or part == "__MACOSX" for part in parts)
