/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LEGO_NOSPEC_H
#define _LEGO_NOSPEC_H

/*
 * array_index_nospec(index, size): index when index < size, else 0, with
 * no branch, so a mispredicted bounds check cannot speculatively read past
 * the array (Spectre v1).  CMP sets CF when index < size; SBB turns that
 * into an all-ones or all-zero mask.
 */
static inline unsigned long array_index_mask_nospec(unsigned long index,
						    unsigned long size)
{
	unsigned long mask;

	asm volatile("cmp %1, %2; sbb %0, %0" : "=r"(mask) : "g"(size), "r"(index)
		     : "cc");
	return mask;
}

#define array_index_nospec(index, size)					\
({									\
	__typeof__(index) _i = (index);					\
	unsigned long _mask = array_index_mask_nospec(_i, (size));	\
	(__typeof__(_i))(_i & _mask);					\
})

#endif /* _LEGO_NOSPEC_H */
