#ifndef SAIMA_CLIBCRYPTO_SHIM_H
#define SAIMA_CLIBCRYPTO_SHIM_H
#include <openssl/sha.h>
#include <openssl/evp.h>
#endif
