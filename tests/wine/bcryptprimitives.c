/* For the Wine tests only (tests/suite/windows.rs), never shipped: Wine 8 (Debian 12) has no
 * bcryptprimitives.dll, whose ProcessPrng Rust's standard library calls for random bytes on
 * Windows 10 and later (where the DLL always is). This one passes the call to BCryptGenRandom,
 * which Wine has. Built by the tests with MinGW-w64 into the Wine prefix they use. */
#include <windows.h>
#include <bcrypt.h>

__declspec(dllexport) BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T length)
{
    while (length > 0) {
        ULONG chunk = length > 0x10000000 ? 0x10000000 : (ULONG)length;
        if (BCryptGenRandom(NULL, data, chunk, BCRYPT_USE_SYSTEM_PREFERRED_RNG) != 0) {
            return FALSE;
        }
        data += chunk;
        length -= chunk;
    }
    return TRUE;
}
