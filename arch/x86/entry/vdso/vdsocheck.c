// SPDX-License-Identifier: GPL-2.0
/*
 * vdsocheck IMAGE: a host program the build runs on the stripped vDSO
 * before the kernel embeds it (and, built with -DVDSO32, vdso32check on
 * the 32-bit one: see below for what differs).  It prints every problem it finds and exits
 * 1, which fails the build, unless the image is one that every process can
 * use as it is, mapped at any page-aligned address with no loader:
 *
 *  - an x86-64 little-endian ELF64 shared object (ET_DYN);
 *  - one PT_LOAD, at address 0 from file offset 0, read and execute, all
 *    of it in the file; PT_DYNAMIC, PT_NOTE and PT_GNU_EH_FRAME inside it;
 *    no other program header;
 *  - only the sections a vDSO has, none writable but .dynamic, none
 *    without file contents, and no relocation but R_X86_64_NONE;
 *  - .dynamic: SONAME linux-vdso.so.1, both hash tables, the version
 *    definitions, and no tag that asks for a loader's work (DT_NEEDED,
 *    DT_REL*, DT_JMPREL, DT_TEXTREL, DT_INIT, ...);
 *  - every exported function found through DT_HASH and through
 *    DT_GNU_HASH, the way C libraries look symbols up, defined in .text,
 *    with version LINUX_2.6 (by name and by the hash glibc compares), and
 *    its unprefixed name a weak alias at the same address;
 *  - the version definitions: the base one naming the soname, LINUX_2.6;
 *  - the "Linux" note carrying LINUX_ABI_VERSION_CODE;
 *  - an .eh_frame_hdr search table entry at the start of every function,
 *    so that debuggers and unwinders can walk through it.
 *
 * Formats: the System V gABI (ELF, hash table, notes, symbol versioning as
 * the LSB documents it), the GNU hash table as binutils and glibc define
 * it, and the LSB's .eh_frame_hdr.
 */
#include <elf.h>
#include <stdbool.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <lego/linux_abi.h>

/* .gnu.version entries: a version index, and a "hidden" bit. */
#define VERSYM_INDEX	0x7fff
#define VERSYM_HIDE	0x8000

/*
 * Built twice: vdsocheck for the x86-64 image, and with -DVDSO32
 * vdso32check for the i386 one (vdso32/), which differs in the ELF class,
 * the machine, the soname, the version and the exports: Linux's i386
 * entry points have no __vdso_ twins, and only __kernel_vsyscall has
 * unwind information (the signal returns are found by debuggers from
 * their instruction bytes, as i386 signal trampolines always were).
 * The GNU hash table's Bloom filter words are the class's address size.
 */
struct export { const char *name; bool fde; };
#ifdef VDSO32
#define ElfW(t)		Elf32_##t
#define ELFW_R_TYPE	ELF32_R_TYPE
#define ELF_ST_TYPE	ELF32_ST_TYPE
#define ELF_ST_BIND	ELF32_ST_BIND
#define ELF_ST_VISIBILITY ELF32_ST_VISIBILITY
#define ELFW_CLASS	ELFCLASS32
#define ELFW_MACHINE	EM_386
#define ELFW_R_NONE	R_386_NONE
#define ELFW_DESC	"i386 ELF32"
#define SONAME		"linux-gate.so.1"
#define VERSION_NAME	"LINUX_2.5"
#define VDSO_ALIASES	false
typedef uint32_t bloom_word;
static const struct export exports[] = {
	{ "__kernel_vsyscall", true }, { "__kernel_sigreturn", false },
	{ "__kernel_rt_sigreturn", false },
};
#else
#define ElfW(t)		Elf64_##t
#define ELFW_R_TYPE	ELF64_R_TYPE
#define ELF_ST_TYPE	ELF64_ST_TYPE
#define ELF_ST_BIND	ELF64_ST_BIND
#define ELF_ST_VISIBILITY ELF64_ST_VISIBILITY
#define ELFW_CLASS	ELFCLASS64
#define ELFW_MACHINE	EM_X86_64
#define ELFW_R_NONE	R_X86_64_NONE
#define ELFW_DESC	"x86-64 ELF64"
#define SONAME		"linux-vdso.so.1"
#define VERSION_NAME	"LINUX_2.6"
#define VDSO_ALIASES	true
typedef uint64_t bloom_word;
/* The functions of Linux's x86-64 vDSO, each also as __vdso_NAME. */
static const struct export exports[] = {
	{ "clock_gettime", true }, { "gettimeofday", true }, { "time", true },
	{ "getcpu", true }, { "clock_getres", true },
};
#endif
#define BLOOM_BITS	(8 * sizeof(bloom_word))

static const char *const allowed_sections[] = {
	"", ".hash", ".gnu.hash", ".dynsym", ".dynstr", ".gnu.version",
	".gnu.version_d", ".dynamic", ".rodata", ".note", ".eh_frame_hdr",
	".eh_frame", ".text", ".rela.dyn", ".comment", ".shstrtab",
	".symtab", ".strtab",
};

static const char *prog, *path;
static unsigned char *img;
static size_t img_size;
static int errors;

static void fail(const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, "%s: %s: ", prog, path);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	errors++;
}

/* A pointer to size bytes at file offset off, or NULL if they are not all
 * in the file. */
static void *at(uint64_t off, uint64_t size)
{
	if (off > img_size || size > img_size - off)
		return NULL;
	return img + off;
}

static const ElfW(Ehdr) *eh;
static const ElfW(Phdr) *load;	/* the PT_LOAD */

/* File offset of the n bytes at virtual address va, inside the PT_LOAD. */
static void *at_va(uint64_t va, uint64_t n)
{
	if (!load || va < load->p_vaddr || va - load->p_vaddr > load->p_filesz ||
	    n > load->p_filesz - (va - load->p_vaddr))
		return NULL;
	return at(load->p_offset + (va - load->p_vaddr), n);
}

/* A NUL-terminated string at offset off of a string table of size size. */
static const char *str_at(const char *tab, uint64_t size, uint64_t off)
{
	if (!tab || off >= size || !memchr(tab + off, 0, size - off))
		return NULL;
	return tab + off;
}

static void check_header(void)
{
	eh = at(0, sizeof(*eh));
	if (!eh || memcmp(eh->e_ident, ELFMAG, SELFMAG)) {
		fail("not an ELF file");
		exit(1);
	}
	if (eh->e_ident[EI_CLASS] != ELFW_CLASS || eh->e_ident[EI_DATA] != ELFDATA2LSB) {
		fail("not a little-endian " ELFW_DESC " file");
		exit(1);
	}
	if (eh->e_type != ET_DYN)
		fail("e_type %u, expected ET_DYN (a shared object)", eh->e_type);
	if (eh->e_machine != ELFW_MACHINE)
		fail("e_machine %u, expected " ELFW_DESC "'s", eh->e_machine);
	if (eh->e_phentsize != sizeof(ElfW(Phdr)) || eh->e_shentsize != sizeof(ElfW(Shdr))) {
		fail("unexpected program or section header size");
		exit(1);
	}
}

static const ElfW(Phdr) *phdr_dynamic, *phdr_note, *phdr_eh;

static void check_phdrs(void)
{
	const ElfW(Phdr) *ph = at(eh->e_phoff, (uint64_t)eh->e_phnum * sizeof(*ph));
	const ElfW(Phdr) *p;
	int i, nload = 0;

	if (!ph) {
		fail("program headers outside the file");
		exit(1);
	}
	for (i = 0; i < eh->e_phnum; i++) {
		p = &ph[i];
		switch (p->p_type) {
		case PT_LOAD:
			nload++;
			load = p;
			break;
		case PT_DYNAMIC:
			phdr_dynamic = p;
			break;
		case PT_NOTE:
			phdr_note = p;
			break;
		case PT_GNU_EH_FRAME:
			phdr_eh = p;
			break;
		default:
			fail("program header %d: type %#x is not allowed", i, p->p_type);
		}
	}
	if (nload != 1) {
		fail("%d PT_LOAD segments, expected exactly one", nload);
		exit(1);
	}
	if (load->p_vaddr != 0 || load->p_offset != 0)
		fail("PT_LOAD at %#lx from offset %#lx, expected 0 and 0",
		     (unsigned long)load->p_vaddr, (unsigned long)load->p_offset);
	if (load->p_flags != (PF_R | PF_X))
		fail("PT_LOAD flags %#x, expected read and execute only", load->p_flags);
	if (load->p_memsz != load->p_filesz)
		fail("PT_LOAD has %#lx bytes not in the file (bss)",
		     (unsigned long)(load->p_memsz - load->p_filesz));
	if (!at(load->p_offset, load->p_filesz))
		fail("PT_LOAD reaches past the end of the file");
	if (!phdr_dynamic || !phdr_note || !phdr_eh)
		fail("missing PT_DYNAMIC, PT_NOTE or PT_GNU_EH_FRAME");
	for (p = ph; p < ph + eh->e_phnum; p++)
		if (p != load && !at_va(p->p_vaddr, p->p_memsz))
			fail("a segment of type %#x lies outside the PT_LOAD", p->p_type);
}

static const ElfW(Shdr) *sh_text, *sh_eh_frame;

static void check_relocs(const ElfW(Shdr) *s, const char *name)
{
	uint64_t ent = s->sh_type == SHT_RELA ? sizeof(ElfW(Rela)) : sizeof(ElfW(Rel));
	const unsigned char *r = at(s->sh_offset, s->sh_size);
	uint64_t i;

	if (!r || s->sh_entsize != ent) {
		fail("%s: malformed relocation section", name);
		return;
	}
	for (i = 0; i < s->sh_size / ent; i++) {
		uint64_t info = ((const ElfW(Rel) *)(r + i * ent))->r_info;

		if (ELFW_R_TYPE(info) != ELFW_R_NONE)
			fail("%s: relocation %lu of type %lu needs a loader", name,
			     (unsigned long)i, (unsigned long)ELFW_R_TYPE(info));
	}
}

static void check_sections(void)
{
	const ElfW(Shdr) *sh = at(eh->e_shoff, (uint64_t)eh->e_shnum * sizeof(*sh));
	const char *names;
	uint64_t names_size;
	size_t i, k;

	if (!sh || eh->e_shstrndx >= eh->e_shnum) {
		fail("section headers outside the file");
		exit(1);
	}
	names_size = sh[eh->e_shstrndx].sh_size;
	names = at(sh[eh->e_shstrndx].sh_offset, names_size);
	for (i = 0; i < eh->e_shnum; i++) {
		const ElfW(Shdr) *s = &sh[i];
		const char *name = str_at(names, names_size, s->sh_name);

		if (!name) {
			fail("section %zu has no name", i);
			continue;
		}
		for (k = 0; k < sizeof(allowed_sections) / sizeof(allowed_sections[0]); k++)
			if (!strcmp(name, allowed_sections[k]))
				break;
		if (k == sizeof(allowed_sections) / sizeof(allowed_sections[0]))
			fail("section %s is not allowed in the vDSO", name);
		if (s->sh_type == SHT_REL || s->sh_type == SHT_RELA)
			check_relocs(s, name);
		if (s->sh_type == SHT_NOBITS && s->sh_size)
			fail("section %s has no file contents (bss)", name);
		if ((s->sh_flags & SHF_WRITE) && strcmp(name, ".dynamic"))
			fail("section %s is writable", name);
		if ((s->sh_flags & SHF_ALLOC) && !at_va(s->sh_addr, s->sh_size))
			fail("section %s lies outside the PT_LOAD", name);
		if (!strcmp(name, ".text"))
			sh_text = s;
		if (!strcmp(name, ".eh_frame"))
			sh_eh_frame = s;
	}
	if (!sh_text || !sh_eh_frame)
		fail("no .text or no .eh_frame");
}

/* What .dynamic says. */
static const ElfW(Sym) *dynsym;
static const char *dynstr;
static uint64_t dynstr_size, nsyms;
static const uint32_t *sysv_hash;
static const uint32_t *gnu_hash;
static const uint16_t *versym;
static uint64_t verdef_va, verdef_num;

static void check_dynamic(void)
{
	const ElfW(Dyn) *d;
	uint64_t n, i, soname = UINT64_MAX, hash = 0, ghash = 0, symtab = 0,
		 strtab = 0, vs = 0;
	const char *s;

	if (!phdr_dynamic)
		return;
	d = at_va(phdr_dynamic->p_vaddr, phdr_dynamic->p_filesz);
	if (!d) {
		fail(".dynamic outside the PT_LOAD");
		exit(1);
	}
	n = phdr_dynamic->p_filesz / sizeof(*d);
	for (i = 0; i < n && d[i].d_tag != DT_NULL; i++) {
		uint64_t v = d[i].d_un.d_val;

		switch (d[i].d_tag) {
		case DT_SONAME: soname = v; break;
		case DT_HASH: hash = v; break;
		case DT_GNU_HASH: ghash = v; break;
		case DT_SYMTAB: symtab = v; break;
		case DT_STRTAB: strtab = v; break;
		case DT_STRSZ: dynstr_size = v; break;
		case DT_VERSYM: vs = v; break;
		case DT_VERDEF: verdef_va = v; break;
		case DT_VERDEFNUM: verdef_num = v; break;
		case DT_SYMENT:
			if (v != sizeof(ElfW(Sym)))
				fail("DT_SYMENT %lu", (unsigned long)v);
			break;
		case DT_SYMBOLIC:
			break;
		case DT_FLAGS:
			if (v & ~(uint64_t)DF_SYMBOLIC)
				fail("DT_FLAGS %#lx: only DF_SYMBOLIC is allowed", (unsigned long)v);
			break;
		default:
			fail("dynamic tag %#lx is not allowed: the vDSO has no loader",
			     (unsigned long)d[i].d_tag);
		}
	}
	if (i == n)
		fail(".dynamic has no DT_NULL");
	if (!hash || !ghash || !symtab || !strtab || !vs || !verdef_va || !dynstr_size) {
		fail(".dynamic lacks DT_HASH, DT_GNU_HASH, DT_SYMTAB, DT_STRTAB, "
		     "DT_STRSZ, DT_VERSYM or DT_VERDEF");
		exit(1);
	}
	dynstr = at_va(strtab, dynstr_size);
	sysv_hash = at_va(hash, 8);
	gnu_hash = at_va(ghash, 16);
	if (!dynstr || !sysv_hash || !gnu_hash) {
		fail("string or hash table outside the PT_LOAD");
		exit(1);
	}
	/* The SysV table's nchain is the number of symbols (gABI). */
	nsyms = sysv_hash[1];
	sysv_hash = at_va(hash, (2 + (uint64_t)sysv_hash[0] + nsyms) * 4);
	dynsym = at_va(symtab, nsyms * sizeof(ElfW(Sym)));
	versym = at_va(vs, nsyms * 2);
	if (!sysv_hash || !dynsym || !versym) {
		fail("symbol, hash or version table outside the PT_LOAD");
		exit(1);
	}
	s = str_at(dynstr, dynstr_size, soname);
	if (!s || strcmp(s, SONAME))
		fail("soname %s, expected " SONAME, s ? s : "(none)");
	for (i = 1; i < nsyms; i++)
		if (dynsym[i].st_shndx == SHN_UNDEF)
			fail("undefined symbol %s: the vDSO links against nothing",
			     str_at(dynstr, dynstr_size, dynsym[i].st_name));
}

/* The gABI's SysV hash function. */
static uint32_t sysv_hash_of(const char *name)
{
	uint32_t h = 0, g;

	for (; *name; name++) {
		h = (h << 4) + (unsigned char)*name;
		g = h & 0xf0000000;
		if (g)
			h ^= g >> 24;
		h &= ~g;
	}
	return h;
}

static uint32_t gnu_hash_of(const char *name)
{
	uint32_t h = 5381;

	for (; *name; name++)
		h = h * 33 + (unsigned char)*name;
	return h;
}

static bool sym_is(uint64_t i, const char *name)
{
	const char *s;

	if (i >= nsyms)
		return false;
	s = str_at(dynstr, dynstr_size, dynsym[i].st_name);
	return s && !strcmp(s, name);
}

/* The symbol index of name through DT_HASH, 0 if not found. */
static uint64_t lookup_sysv(const char *name)
{
	uint32_t nbucket = sysv_hash[0], steps = 0;
	const uint32_t *bucket = sysv_hash + 2, *chain = bucket + nbucket;
	uint64_t i;

	if (!nbucket)
		return 0;
	for (i = bucket[sysv_hash_of(name) % nbucket]; i && i < nsyms && steps++ < nsyms;
	     i = chain[i])
		if (sym_is(i, name))
			return i;
	return 0;
}

/* The symbol index of name through DT_GNU_HASH, 0 if not found. */
static uint64_t lookup_gnu(const char *name)
{
	uint32_t nbuckets = gnu_hash[0], symoffset = gnu_hash[1];
	uint32_t bloom_size = gnu_hash[2], bloom_shift = gnu_hash[3];
	uint32_t h = gnu_hash_of(name), h2;
	const bloom_word *bloom = (const bloom_word *)(gnu_hash + 4);
	const uint32_t *buckets = (const uint32_t *)(bloom + bloom_size);
	const uint32_t *chain = buckets + nbuckets;
	uint64_t word, mask, i;

	if (!nbuckets || !bloom_size ||
	    (const unsigned char *)(chain + (nsyms > symoffset ? nsyms - symoffset : 0)) >
	    img + img_size)
		return 0;
	word = bloom[(h / BLOOM_BITS) % bloom_size];
	mask = (1ULL << (h % BLOOM_BITS)) | (1ULL << ((h >> bloom_shift) % BLOOM_BITS));
	if ((word & mask) != mask)
		return 0;
	i = buckets[h % nbuckets];
	if (i < symoffset)
		return 0;
	for (; i < nsyms; i++) {
		h2 = chain[i - symoffset];
		if ((h | 1) == (h2 | 1) && sym_is(i, name))
			return i;
		if (h2 & 1)
			break;
	}
	return 0;
}

/* The name of version definition ndx, and its vd_hash. */
static const char *verdef_name(uint16_t ndx, uint32_t *hash, uint16_t *flags)
{
	uint64_t va = verdef_va, k;

	for (k = 0; k < verdef_num; k++) {
		const ElfW(Verdef) *vd = at_va(va, sizeof(*vd));
		const ElfW(Verdaux) *aux;

		if (!vd || vd->vd_version != VER_DEF_CURRENT)
			return NULL;
		if (vd->vd_ndx == ndx) {
			aux = at_va(va + vd->vd_aux, sizeof(*aux));
			*hash = vd->vd_hash;
			*flags = vd->vd_flags;
			return aux ? str_at(dynstr, dynstr_size, aux->vda_name) : NULL;
		}
		if (!vd->vd_next)
			return NULL;
		va += vd->vd_next;
	}
	return NULL;
}

static void check_versions(void)
{
	uint32_t hash;
	uint16_t flags;
	const char *base = verdef_name(1, &hash, &flags);

	if (!base || strcmp(base, SONAME) || !(flags & VER_FLG_BASE))
		fail("version definition 1 is not the base one naming " SONAME);
}

/* Looks name up both ways; checks binding, place and version. */
static const ElfW(Sym) *check_symbol(const char *name, unsigned char bind)
{
	uint64_t i = lookup_sysv(name), j = lookup_gnu(name);
	const ElfW(Sym) *s;
	const char *ver;
	uint32_t hash;
	uint16_t flags, v;

	if (!i || !j) {
		fail("%s: not found through %s", name, !i ? "DT_HASH" : "DT_GNU_HASH");
		return NULL;
	}
	if (i != j)
		fail("%s: DT_HASH and DT_GNU_HASH disagree", name);
	s = &dynsym[i];
	if (ELF_ST_TYPE(s->st_info) != STT_FUNC || ELF_ST_BIND(s->st_info) != bind)
		fail("%s: expected a %s function", name, bind == STB_WEAK ? "weak" : "global");
	if (ELF_ST_VISIBILITY(s->st_other) != STV_DEFAULT)
		fail("%s: not of default visibility", name);
	if (sh_text && (s->st_shndx != sh_text - (const ElfW(Shdr) *)(img + eh->e_shoff) ||
			s->st_value < sh_text->sh_addr || !s->st_size ||
			s->st_value + s->st_size > sh_text->sh_addr + sh_text->sh_size))
		fail("%s: not inside .text", name);
	v = versym[i];
	ver = (v & VERSYM_HIDE) ? NULL : verdef_name(v & VERSYM_INDEX, &hash, &flags);
	if (!ver || strcmp(ver, VERSION_NAME))
		fail("%s: version %s, expected " VERSION_NAME, name, ver ? ver : "(none or hidden)");
	else if (hash != sysv_hash_of(VERSION_NAME))
		fail("%s: the version's vd_hash is wrong", name);
	return s;
}

/* The .eh_frame_hdr search table: an FDE starting at addr? */
static bool has_fde_at(uint64_t addr)
{
	const unsigned char *h;
	uint64_t hdr = phdr_eh->p_vaddr, i;
	uint32_t count;
	int32_t ptr;

	h = at_va(hdr, 12);
	/* version 1; eh_frame_ptr pcrel|sdata4; fde_count udata4; table
	 * datarel|sdata4 (what ld --eh-frame-hdr writes). */
	if (!h || h[0] != 1 || h[1] != 0x1b || h[2] != 0x03 || h[3] != 0x3b)
		return false;
	memcpy(&ptr, h + 4, 4);
	if (!sh_eh_frame || hdr + 4 + ptr != sh_eh_frame->sh_addr)
		return false;
	memcpy(&count, h + 8, 4);
	h = at_va(hdr, 12 + (uint64_t)count * 8);
	if (!h)
		return false;
	for (i = 0; i < count; i++) {
		int32_t loc;

		memcpy(&loc, h + 12 + i * 8, 4);
		if (hdr + loc == addr)
			return true;
	}
	return false;
}

static void check_exports(void)
{
	size_t k;

	for (k = 0; k < sizeof(exports) / sizeof(exports[0]); k++) {
		const char *name = exports[k].name;
		const ElfW(Sym) *a, *b;
		char prefixed[64];

		if (VDSO_ALIASES) {
			snprintf(prefixed, sizeof(prefixed), "__vdso_%s", name);
			name = prefixed;
		}
		a = check_symbol(name, STB_GLOBAL);
		if (VDSO_ALIASES) {
			b = check_symbol(exports[k].name, STB_WEAK);
			if (a && b && a->st_value != b->st_value)
				fail("%s is not an alias of %s", exports[k].name, name);
		}
		if (a && exports[k].fde && phdr_eh && !has_fde_at(a->st_value))
			fail("%s: no .eh_frame_hdr entry at its start", name);
	}
}

static void check_note(void)
{
	const unsigned char *p, *end;
	bool found = false;

	if (!phdr_note)
		return;
	p = at_va(phdr_note->p_vaddr, phdr_note->p_filesz);
	if (!p) {
		fail("PT_NOTE outside the PT_LOAD");
		return;
	}
	end = p + phdr_note->p_filesz;
	while (end - p >= (long)sizeof(ElfW(Nhdr))) {
		const ElfW(Nhdr) *n = (const void *)p;
		uint64_t name_len = (n->n_namesz + 3) & ~3ULL, desc_len = (n->n_descsz + 3) & ~3ULL;
		const char *name = (const char *)(n + 1);
		const unsigned char *desc = (const unsigned char *)name + name_len;
		uint32_t code;

		if ((uint64_t)(end - (const unsigned char *)name) < name_len + desc_len) {
			fail("PT_NOTE: a note runs past the segment");
			return;
		}
		if (n->n_namesz == 6 && !memcmp(name, "Linux", 6) && n->n_type == 0) {
			memcpy(&code, desc, 4);
			if (n->n_descsz != 4 || code != LINUX_ABI_VERSION_CODE)
				fail("the Linux note holds %#x, expected %#x", code,
				     LINUX_ABI_VERSION_CODE);
			found = true;
		}
		p = desc + desc_len;
	}
	if (!found)
		fail("no \"Linux\" note of type 0");
}

int main(int argc, char **argv)
{
	FILE *f;
	long n;

	if (argc != 2) {
		fprintf(stderr, "usage: %s IMAGE\n", argv[0]);
		return 2;
	}
	prog = argv[0];
	path = argv[1];
	f = fopen(path, "rb");
	if (!f || fseek(f, 0, SEEK_END) || (n = ftell(f)) < 0 || fseek(f, 0, SEEK_SET)) {
		perror(path);
		return 1;
	}
	img_size = n;
	img = malloc(img_size ? img_size : 1);
	if (!img || fread(img, 1, img_size, f) != img_size) {
		perror(path);
		return 1;
	}
	fclose(f);
	check_header();
	check_phdrs();
	check_sections();
	check_dynamic();
	check_versions();
	check_exports();
	check_note();
	free(img);
	return errors ? 1 : 0;
}
