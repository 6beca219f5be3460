/* reads lines: "P<tab>pattern" compiles; "T<tab>text" prints 1/0 (or -1 on error);
   "B<tab>file<tab>iters" benchmarks current pattern over file lines */
#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#include <stdio.h>
#include <string.h>
#include <stdlib.h>
#include <time.h>
int main(int argc,char**argv){
  int jit = argc>1 && !strcmp(argv[1],"-j");
  char *line=NULL; size_t cap=0; ssize_t n; pcre2_code *re=NULL; pcre2_match_data *md=NULL;
  while((n=getline(&line,&cap,stdin))>0){
    if(line[n-1]=='\n') line[--n]=0;
    if(line[0]=='P'){
      int err; PCRE2_SIZE off;
      if(re){pcre2_code_free(re);pcre2_match_data_free(md);re=NULL;}
      re=pcre2_compile((PCRE2_SPTR)line+2,PCRE2_ZERO_TERMINATED,PCRE2_UTF|PCRE2_UCP|PCRE2_CASELESS,&err,&off,NULL);
      if(!re){PCRE2_UCHAR b[256];pcre2_get_error_message(err,b,256);printf("E %s at %zu\n",b,off);}
      else {md=pcre2_match_data_create_from_pattern(re,NULL); if(jit) pcre2_jit_compile(re,PCRE2_JIT_COMPLETE); printf("OK\n");}
    } else if(line[0]=='T'){
      if(!re){printf("-1\n");}
      else{int rc=pcre2_match(re,(PCRE2_SPTR)line+2,n-2,0,0,md,NULL);
        if(rc>=0){PCRE2_SIZE*ov=pcre2_get_ovector_pointer(md);printf("1 %zu\n",ov[0]);} else if(rc==PCRE2_ERROR_NOMATCH) printf("0\n"); else printf("-1 %d\n",rc);}
    } else if(line[0]=='B'){
      char*f=line+2; FILE*fp=fopen(f,"r"); char*l2=NULL; size_t c2=0; ssize_t m; long hits=0; size_t bytes=0;
      struct timespec a,b; clock_gettime(CLOCK_MONOTONIC,&a);
      while((m=getline(&l2,&c2,fp))>0){bytes+=m; if(pcre2_match(re,(PCRE2_SPTR)l2,m,0,0,md,NULL)>=0) hits++;}
      clock_gettime(CLOCK_MONOTONIC,&b); fclose(fp); free(l2);
      printf("%ld %zu %.3f\n",hits,bytes,(b.tv_sec-a.tv_sec)+(b.tv_nsec-a.tv_nsec)/1e9);
    }
    fflush(stdout);
  }
  return 0;
}
